package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.BASE;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.fileIngest;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.textIngest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.bootstrap.LecternConfig;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zylon's async ingest and delete: task ids, polling, results, and every error of the table. */
class ZylonAsyncHttpTest {
  @TempDir static Path dir;
  static RunningLectern lectern;
  static GatedSite site;

  @BeforeAll
  static void start() throws Exception {
    site = new GatedSite();
    lectern =
        RunningLectern.start(
            dir,
            config ->
                config
                    .allowPrivateUris(true)
                    .tasks(new LecternConfig.Tasks("test", 2, 10_000, 3, Duration.ofSeconds(5))));
  }

  @AfterAll
  static void stop() {
    lectern.close();
    site.close();
  }

  static String async(String ingestBody) {
    return "{\"ingest_body\":" + ingestBody + "}";
  }

  static String submit(RunningLectern lectern, String path, String body) {
    Reply reply = lectern.post(BASE + path, ADMIN, body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().fieldNames()).toIterable().containsExactly("task_id");
    String id = reply.json().get("task_id").asText();
    assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    return id;
  }

  /** Polls a task until it leaves PENDING and STARTED. */
  static JsonNode awaitEnd(RunningLectern lectern, String path, String taskId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Reply reply = lectern.get(BASE + path + "/" + taskId, ADMIN);
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      String status = reply.json().get("task_status").asText();
      if (!status.equals("PENDING") && !status.equals("STARTED")) {
        return reply.json();
      }
      sleep(50);
    }
    throw new AssertionError("task " + taskId + " did not finish in time");
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theSeedsAsyncIngestReturnsATaskWhoseResultIsTheIngestResponse() throws Exception {
    String text = "Release notes: We shipped a new billing dashboard and fixed three bugs.";
    String id =
        submit(
            lectern,
            "ingest/async",
            async(
                textIngest(
                    "async-seed",
                    "notes",
                    text,
                    "{\"file_name\":\"release_notes.txt\",\"source\":\"docs\"}")));

    JsonNode done = awaitEnd(lectern, "ingest/async", id);

    assertThat(done.fieldNames())
        .toIterable()
        .containsExactly("task_id", "task_status", "task_result");
    assertThat(done.get("task_id").asText()).isEqualTo(id);
    assertThat(done.get("task_status").asText()).isEqualTo("SUCCESS");
    JsonNode result = done.get("task_result");
    assertThat(result.get("object").asText()).isEqualTo("list");
    assertThat(result.get("model").asText()).isEqualTo("private-gpt");
    JsonNode document = result.at("/data/0");
    assertThat(document.get("object").asText()).isEqualTo("ingest.document");
    assertThat(document.get("artifact").asText()).isEqualTo("notes");
    assertThat(document.get("doc_metadata").fieldNames())
        .toIterable()
        .containsExactly(
            "file_name",
            "source",
            "headers",
            "artifact_id",
            "collection",
            "llm_model",
            "embed_model",
            "hash");
    assertThat(document.at("/doc_metadata/hash").asText()).isEqualTo(sha256(text));
    assertThat(
            lectern
                .get(BASE + "list?collection=async-seed", ADMIN)
                .json()
                .at("/data/0/artifact")
                .asText())
        .isEqualTo("notes");
  }

  @Test
  void identicalContentAgainSucceedsWithEmptyData() {
    String body = async(textIngest("async-same", "a", "Same words twice.", "{}"));
    awaitEnd(lectern, "ingest/async", submit(lectern, "ingest/async", body));

    JsonNode again = awaitEnd(lectern, "ingest/async", submit(lectern, "ingest/async", body));

    assertThat(again.get("task_status").asText()).isEqualTo("SUCCESS");
    assertThat(again.at("/task_result/data").size()).isZero();
  }

  @Test
  void aPendingTaskIsReportedWithANullResultAndBlocksOtherWritesWith409() {
    String gated = site.url("/gated.txt?busy");
    String id =
        submit(
            lectern,
            "ingest/async",
            async(
                "{\"collection\":\"async-busy\",\"artifact\":\"a\",\"input\":{\"type\":\"uri\",\"value\":\""
                    + gated
                    + "\"}}"));
    Reply polled = lectern.get(BASE + "ingest/async/" + id, ADMIN);
    assertThat(polled.json().get("task_status").asText()).isIn("PENDING", "STARTED");
    assertThat(polled.json().get("task_result").isNull()).isTrue();

    Reply second =
        lectern.post(
            BASE + "ingest/async", ADMIN, async(textIngest("async-busy", "a", "other", "{}")));
    Reply sync = lectern.post(BASE + "ingest", ADMIN, textIngest("async-busy", "a", "other", "{}"));
    Reply delete =
        lectern.post(
            BASE + "delete/async",
            ADMIN,
            "{\"delete_body\":{\"collection\":\"async-busy\",\"artifact\":\"a\"}}");
    for (Reply reply : new Reply[] {second, sync, delete}) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(409);
      assertThat(reply.json().at("/error/type").asText()).isEqualTo("conflict_error");
      assertThat(reply.json().at("/error/message").asText())
          .isEqualTo(
              "an ingest or delete task for artifact 'a' is already pending or running;"
                  + " wait for it to finish");
    }

    site.open();
    assertThat(awaitEnd(lectern, "ingest/async", id).get("task_status").asText())
        .isEqualTo("SUCCESS");
    Reply afterwards =
        lectern.post(BASE + "ingest", ADMIN, textIngest("async-busy", "a", "other", "{}"));
    assertThat(afterwards.status()).as(afterwards.body()).isEqualTo(200);
  }

  @Test
  void aSlowUriDoesNotHoldTheRequestAndTheTaskFinishes() {
    long started = System.nanoTime();
    String id =
        submit(
            lectern,
            "ingest/async",
            async(
                "{\"collection\":\"async-slow\",\"artifact\":\"t\",\"input\":{\"type\":\"uri\",\"value\":\""
                    + site.url("/trickle.txt")
                    + "\"}}"));
    long answeredMillis = (System.nanoTime() - started) / 1_000_000;

    JsonNode done = awaitEnd(lectern, "ingest/async", id);
    long finishedMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(answeredMillis).as("the submit answers before the download ends").isLessThan(1000);
    assertThat(finishedMillis).as("the download takes about two seconds").isGreaterThan(1500);
    assertThat(done.get("task_status").asText()).isEqualTo("SUCCESS");
    assertThat(done.at("/task_result/data/0/doc_metadata/file_name").asText())
        .isEqualTo("trickle.txt");
  }

  @Test
  void aDocumentThatCannotBeParsedEndsInFailureWithTheReason() {
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    String id =
        submit(lectern, "ingest/async", async(fileIngest("async-bad", "bin", binary, "blob.bin")));

    JsonNode done = awaitEnd(lectern, "ingest/async", id);

    assertThat(done.get("task_status").asText()).isEqualTo("FAILURE");
    assertThat(done.get("task_result").asText()).startsWith("ingest.failed: ");
    assertThat(lectern.get(BASE + "list?collection=async-bad", ADMIN).status()).isEqualTo(404);
  }

  @Test
  void anAsyncDeleteRemovesTheArtifactAndReportsANullResult() {
    lectern.post(BASE + "ingest", ADMIN, textIngest("async-del", "gone", "Delete me.", "{}"));
    String id =
        submit(
            lectern,
            "delete/async",
            "{\"delete_body\":{\"collection\":\"async-del\",\"artifact\":\"gone\"}}");

    JsonNode done = awaitEnd(lectern, "delete/async", id);

    assertThat(done.get("task_status").asText()).isEqualTo("SUCCESS");
    assertThat(done.get("task_result").isNull()).isTrue();
    assertThat(lectern.get(BASE + "list?collection=async-del", ADMIN).json().get("data").size())
        .isZero();
  }

  @Test
  void unknownTaskIdsAre404EvenWhenTheIdBelongsToTheOtherOperation() {
    for (String id : new String[] {UUID.randomUUID().toString(), "not-a-task"}) {
      for (String path : new String[] {"ingest/async/", "delete/async/"}) {
        Reply reply = lectern.get(BASE + path + id, ADMIN);
        assertThat(reply.status()).as(reply.body()).isEqualTo(404);
        assertThat(reply.json().at("/error/type").asText()).isEqualTo("not_found_error");
        assertThat(reply.json().at("/error/message").asText())
            .isEqualTo("task '" + id + "' not found");
      }
    }
    String ingestId =
        submit(lectern, "ingest/async", async(textIngest("async-kind", "k", "Kind check.", "{}")));
    assertThat(lectern.get(BASE + "delete/async/" + ingestId, ADMIN).status()).isEqualTo(404);
  }

  @Test
  void deletingAnUnknownArtifactAsynchronouslyIs404() {
    lectern.post(BASE + "ingest", ADMIN, textIngest("async-del404", "x", "Present.", "{}"));
    Reply reply =
        lectern.post(
            BASE + "delete/async",
            ADMIN,
            "{\"delete_body\":{\"collection\":\"async-del404\",\"artifact\":\"missing\"}}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(404);
    assertThat(reply.json().at("/error/message").asText())
        .isEqualTo("artifact 'missing' not found in collection 'async-del404'");
  }

  @Test
  void invalidBodiesAre422NamingTheFieldAndCreateNoTask() {
    String[][] cases = {
      {"ingest/async", "{}", "ingest_body"},
      {"ingest/async", "{\"ingest_body\":[]}", "ingest_body"},
      {
        "ingest/async",
        "{\"ingest_body\":{\"artifact\":\"a\",\"input\":{\"type\":\"pdf\",\"value\":\"x\"}}}",
        "ingest_body.input.type"
      },
      {
        "ingest/async",
        "{\"ingest_body\":{\"input\":{\"type\":\"text\",\"value\":\"x\"}}}",
        "ingest_body.artifact"
      },
      {
        "ingest/async",
        "{\"ingest_body\":{\"artifact\":\"a\",\"input\":{\"type\":\"text\",\"value\":\"x\"}},"
            + "\"callback\":{\"amqp\":{\"exchange\":\"e\"}}}",
        "callback"
      },
      {"delete/async", "{\"delete_body\":{\"collection\":\"c\"}}", "delete_body.artifact"},
      {"delete/async", "{\"collection\":\"c\",\"artifact\":\"a\"}", "delete_body"},
    };
    long before = lectern.get("/lectern/v1/tasks", ADMIN).json().get("total").asLong();
    for (String[] c : cases) {
      Reply reply = lectern.post(BASE + c[0], ADMIN, c[1]);
      assertThat(reply.status()).as(c[1] + " -> " + reply.body()).isEqualTo(422);
      assertThat(reply.json().at("/error/type").asText()).isEqualTo("invalid_request_error");
      assertThat(reply.json().at("/error/message").asText()).as(c[1]).startsWith(c[2]);
    }
    assertThat(lectern.get("/lectern/v1/tasks", ADMIN).json().get("total").asLong())
        .isEqualTo(before);
  }

  @Test
  void asyncEndpointsNeedAToken() {
    Reply reply = lectern.post(BASE + "ingest/async", null, async(textIngest("c", "a", "x", "{}")));
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().at("/error/type").asText()).isEqualTo("authentication_error");
    assertThat(lectern.get(BASE + "ingest/async/" + UUID.randomUUID(), null).status())
        .isEqualTo(401);
  }
}
