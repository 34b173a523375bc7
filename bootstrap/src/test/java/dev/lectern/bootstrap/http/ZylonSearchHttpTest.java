package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.BASE;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.textIngest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zylon {@code primitives/search} over the shared retrieval use case. */
class ZylonSearchHttpTest {
  static final String SEARCH = "/api/gpt/v1/primitives/search";

  @TempDir static Path dir;
  static RunningLectern lectern;

  @BeforeAll
  static void start() {
    lectern = RunningLectern.start(dir);
    ingest(
        "billing",
        "The billing dashboard lists every invoice of the month.",
        "{\"team\":\"finance\"}");
    ingest("garden", "Tomatoes need sun and water every morning.", "{\"team\":\"home\"}");
    ingest("mixed", "Invoices are archived; the garden is not.", "{\"team\":\"finance\"}");
  }

  static void ingest(String artifact, String text, String metadata) {
    assertThat(
            lectern
                .post(BASE + "ingest", ADMIN, textIngest("s1", artifact, text, metadata))
                .status())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    lectern.close();
  }

  static String search(String text, String filterExtra, String extra) {
    return """
        {"text":"%s","context_filter":{"collection":"s1"%s}%s}"""
        .formatted(text, filterExtra, extra);
  }

  @Test
  void searchReturnsContextChunksBestFirstWithScores() {
    Reply reply = lectern.post(SEARCH, ADMIN, search("billing invoice", "", ""));

    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("object").asText()).isEqualTo("list");
    assertThat(body.get("model").asText()).isEqualTo("private-gpt");
    JsonNode data = body.get("data");
    assertThat(data).hasSize(2);
    JsonNode first = data.get(0);
    assertThat(first.get("object").asText()).isEqualTo("context.chunk");
    assertThat(first.get("document").get("artifact").asText()).isEqualTo("billing");
    assertThat(first.get("score").asDouble()).isBetween(0.0, 1.0);
    assertThat(first.get("score").asDouble()).isGreaterThan(data.get(1).get("score").asDouble());
    assertThat(first.get("text").asText()).contains("billing dashboard");
  }

  @Test
  void filtersLimitAndThresholdNarrowTheResult() {
    assertThat(
            lectern
                .post(SEARCH, ADMIN, search("invoices tomatoes", ",\"artifacts\":[\"garden\"]", ""))
                .json()
                .get("data"))
        .hasSize(1);
    assertThat(
            lectern
                .post(
                    SEARCH,
                    ADMIN,
                    search(
                        "invoices tomatoes",
                        ",\"metadata_filter\":[{\"key\":\"team\",\"operator\":\"==\",\"value\":\"home\"}]",
                        ""))
                .json()
                .get("data"))
        .hasSize(1);
    assertThat(
            lectern
                .post(SEARCH, ADMIN, search("invoices garden", "", ",\"limit\":1"))
                .json()
                .get("data"))
        .hasSize(1);
    assertThat(
            lectern
                .post(SEARCH, ADMIN, search("invoices garden", "", ",\"score_threshold\":1.0"))
                .json()
                .get("data"))
        .isEmpty();
  }

  @Test
  void badRequestsNameTheFieldAndUnknownScopesAre404() {
    Reply noText = lectern.post(SEARCH, ADMIN, "{\"context_filter\":{\"collection\":\"s1\"}}");
    assertThat(noText.status()).isEqualTo(422);
    assertThat(noText.json().get("error").get("message").asText()).startsWith("text:");
    Reply badType = lectern.post(SEARCH, ADMIN, search("x", "", ",\"type\":\"magic\""));
    assertThat(badType.status()).isEqualTo(422);
    assertThat(badType.body()).contains("type:");
    Reply badLimit = lectern.post(SEARCH, ADMIN, search("x", "", ",\"limit\":0"));
    assertThat(badLimit.status()).isEqualTo(422);
    assertThat(badLimit.body()).contains("limit:");
    Reply badThreshold = lectern.post(SEARCH, ADMIN, search("x", "", ",\"score_threshold\":\"a\""));
    assertThat(badThreshold.status()).isEqualTo(422);
    assertThat(badThreshold.body()).contains("score_threshold:");
    Reply noCollection =
        lectern.post(
            SEARCH, ADMIN, "{\"text\":\"x\",\"context_filter\":{\"collection\":\"nope\"}}");
    assertThat(noCollection.status()).isEqualTo(404);
    Reply noArtifact = lectern.post(SEARCH, ADMIN, search("x", ",\"artifacts\":[\"nope\"]", ""));
    assertThat(noArtifact.status()).isEqualTo(404);
    assertThat(lectern.post(SEARCH, null, search("x", "", "")).status()).isEqualTo(401);
  }
}
