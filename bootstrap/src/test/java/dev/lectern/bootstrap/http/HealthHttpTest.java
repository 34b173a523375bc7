package dev.lectern.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /health} tells a supervisor whether the server can work, and what is wrong if not. */
class HealthHttpTest {
  @TempDir Path dir;
  RunningLectern lectern;

  @BeforeEach
  void start() {
    lectern = RunningLectern.start(dir);
  }

  @AfterEach
  void stop() {
    lectern.close();
  }

  @Test
  void aHealthyServerAnswersOk() {
    Reply reply = lectern.get("/health", null);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void aClosedIndexMakesTheServerUnhealthy() throws Exception {
    lectern.wiring().chunkIndex().close();
    JsonNode body = awaitUnhealthy();
    assertThat(body.get("status").asText()).isEqualTo("unavailable");
    assertThat(body.get("problems").toString()).contains("the chunk index is closed");
  }

  @Test
  void anUnreachableDatabaseMakesTheServerUnhealthy() throws Exception {
    lectern.stores().database().close();
    JsonNode body = awaitUnhealthy();
    assertThat(body.get("problems").toString()).contains("the metadata database does not answer");
    assertThat(body.toString()).doesNotContain("jdbc").doesNotContain("Exception");
  }

  /** The answer is reused for a second, so the change shows within about that. */
  private JsonNode awaitUnhealthy() throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    Reply reply = lectern.get("/health", null);
    while (reply.status() == 200 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      reply = lectern.get("/health", null);
    }
    assertThat(reply.status()).isEqualTo(503);
    return reply.json();
  }
}
