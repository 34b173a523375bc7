package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.BASE;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.textIngest;
import static dev.lectern.bootstrap.http.ZylonAsyncHttpTest.async;
import static dev.lectern.bootstrap.http.ZylonAsyncHttpTest.awaitEnd;
import static dev.lectern.bootstrap.http.ZylonAsyncHttpTest.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.bootstrap.LecternConfig;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full queue answers 429 and drops nothing it accepted. */
class ZylonBackPressureHttpTest {
  @TempDir Path dir;

  @Test
  void aFullQueueAnswers429AndEveryAcceptedTaskStillFinishes() throws Exception {
    try (GatedSite site = new GatedSite();
        RunningLectern lectern =
            RunningLectern.start(
                dir,
                config ->
                    config
                        .allowPrivateUris(true)
                        .tasks(new LecternConfig.Tasks("bp", 1, 2, 3, Duration.ofSeconds(5))))) {
      List<String> accepted = new ArrayList<>();
      // The only worker waits on the gated site; two more tasks fill the queue.
      accepted.add(
          submit(
              lectern,
              "ingest/async",
              async(
                  "{\"collection\":\"bp\",\"artifact\":\"gated\",\"input\":{\"type\":\"uri\","
                      + "\"value\":\""
                      + site.url("/gated.txt?bp")
                      + "\"}}")));
      awaitStarted(lectern, accepted.get(0));
      accepted.add(submit(lectern, "ingest/async", async(textIngest("bp", "a", "First.", "{}"))));
      accepted.add(submit(lectern, "ingest/async", async(textIngest("bp", "b", "Second.", "{}"))));

      Reply refused =
          lectern.post(BASE + "ingest/async", ADMIN, async(textIngest("bp", "c", "Third.", "{}")));

      assertThat(refused.status()).as(refused.body()).isEqualTo(429);
      assertThat(refused.raw().headers().firstValue("Retry-After")).contains("5");
      assertThat(refused.json().at("/error/type").asText()).isEqualTo("rate_limit_error");
      assertThat(refused.json().at("/error/message").asText())
          .isEqualTo("the task queue is full (2 tasks pending); retry when it has drained");

      site.open();
      for (String id : accepted) {
        assertThat(awaitEnd(lectern, "ingest/async", id).get("task_status").asText())
            .isEqualTo("SUCCESS");
      }
      assertThat(lectern.get(BASE + "list?collection=bp", ADMIN).json().get("data").size())
          .isEqualTo(3);
      Reply retried =
          lectern.post(BASE + "ingest/async", ADMIN, async(textIngest("bp", "c", "Third.", "{}")));
      assertThat(retried.status()).as(retried.body()).isEqualTo(200);
    }
  }

  private static void awaitStarted(RunningLectern lectern, String id) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      String status =
          lectern.get(BASE + "ingest/async/" + id, ADMIN).json().get("task_status").asText();
      if (status.equals("STARTED")) {
        return;
      }
      ZylonAsyncHttpTest.sleep(20);
    }
    throw new AssertionError("the gated task never started");
  }
}
