package dev.lectern.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.adapters.jdbc.JdbcDatabase;
import dev.lectern.adapters.jdbc.JdbcTaskQueue;
import dev.lectern.domain.task.TaskKind;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Async ingests through the fat JAR: SIGKILL while tasks are queued and running, restart, and every
 * acknowledged task finishes exactly once; then SIGTERM stops the server cleanly (exit 0) with
 * tasks still queued, and the next start finishes them.
 */
class AsyncKillAndRestartIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "/api/gpt/v1/artifacts/";
  private final E2eHttp http = new E2eHttp();

  @TempDir Path dir;

  /** A document of several chunks, so that a batch of them keeps the workers busy a while. */
  private static String text(int n) {
    StringBuilder text = new StringBuilder();
    for (int p = 0; p < 120; p++) {
      text.append("Document ")
          .append(n)
          .append(" paragraph ")
          .append(p)
          .append(" says that pump ")
          .append(n * 7 + p)
          .append(" must be checked every ")
          .append(p % 9 + 1)
          .append(" days.\\n\\n");
    }
    return text.toString();
  }

  private Map<String, String> submitAll(LecternProcess lectern, String token, int from, int count)
      throws Exception {
    Map<String, String> tasks = new ConcurrentHashMap<>();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<?>> sent = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      int n = i;
      sent.add(
          clients.submit(
              () -> {
                String body =
                    "{\"ingest_body\":{\"collection\":\"async\",\"artifact\":\"doc-"
                        + n
                        + "\",\"input\":{\"type\":\"text\",\"value\":\""
                        + text(n)
                        + "\"}}}";
                HttpResponse<String> reply =
                    http.post(lectern.port, token, BASE + "ingest/async", body);
                assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
                tasks.put("doc-" + n, JSON.readTree(reply.body()).get("task_id").asText());
                return null;
              }));
    }
    for (Future<?> future : sent) {
      future.get();
    }
    clients.shutdown();
    return tasks;
  }

  private Map<String, Long> counts(LecternProcess lectern, String token) throws Exception {
    JsonNode counts =
        JSON.readTree(http.get(lectern.port, token, "/lectern/v1/tasks?limit=1").body())
            .get("counts");
    Map<String, Long> result = new HashMap<>();
    counts.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asLong()));
    return result;
  }

  private void awaitAllSucceeded(LecternProcess lectern, String token, Map<String, String> tasks)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    for (Map.Entry<String, String> task : tasks.entrySet()) {
      while (true) {
        JsonNode status =
            JSON.readTree(
                http.get(lectern.port, token, BASE + "ingest/async/" + task.getValue()).body());
        String state = status.get("task_status").asText();
        if (state.equals("SUCCESS")) {
          assertThat(status.at("/task_result/data/0/artifact").asText()).isEqualTo(task.getKey());
          break;
        }
        assertThat(state).as(task + " " + status).isIn("PENDING", "STARTED");
        assertThat(System.nanoTime()).as("task " + task + " finished in time").isLessThan(deadline);
        Thread.sleep(50);
      }
    }
  }

  private void assertEachArtifactOnce(LecternProcess lectern, String token, int count)
      throws Exception {
    JsonNode listed =
        JSON.readTree(http.get(lectern.port, token, BASE + "list?collection=async").body())
            .get("data");
    List<String> ids = new ArrayList<>();
    listed.forEach(d -> ids.add(d.get("artifact").asText()));
    assertThat(ids).hasSize(count).doesNotHaveDuplicates();
    JsonNode contents =
        JSON.readTree(
                http.post(
                        lectern.port,
                        token,
                        BASE + "content",
                        "{\"context_filter\":{\"collection\":\"async\"}}")
                    .body())
            .get("data");
    contents.forEach(
        c -> {
          int n = Integer.parseInt(c.get("artifact_id").asText().substring(4));
          assertThat(c.get("content").asText().strip())
              .isEqualTo(text(n).replace("\\n", "\n").strip());
        });
  }

  @Test
  void everyAcknowledgedAsyncIngestFinishesOnceAfterSigkillAndSigterm() throws Exception {
    Path data = dir.resolve("data");
    LecternProcess first = LecternProcess.start(data, "--task-workers", "2");
    String admin = Files.readString(data.resolve("admin-token")).strip();

    Map<String, String> tasks = submitAll(first, admin, 0, 50);
    Map<String, Long> beforeKill = counts(first, admin);
    first.kill();
    assertThat(beforeKill.get("SUCCESS")).as("killed mid-way: " + beforeKill).isLessThan(50L);

    LecternProcess second = LecternProcess.start(data, "--task-workers", "2");
    assertThat(second.logText()).contains("interrupted task(s) re-queued");
    awaitAllSucceeded(second, admin, tasks);
    assertEachArtifactOnce(second, admin, 50);

    // SIGTERM with work still queued: a clean exit, and nothing accepted is lost.
    Map<String, String> more = submitAll(second, admin, 50, 30);
    assertThat(second.stop()).as("exit code after SIGTERM").isZero();
    assertThat(second.logText()).doesNotContain("Exception");

    LecternProcess third = LecternProcess.start(data, "--task-workers", "2");
    awaitAllSucceeded(third, admin, more);
    assertEachArtifactOnce(third, admin, 80);
    assertThat(counts(third, admin))
        .containsEntry("SUCCESS", 80L)
        .containsEntry("FAILURE", 0L)
        .containsEntry("PENDING", 0L)
        .containsEntry("RUNNING", 0L);
    assertThat(third.stop()).isZero();

    KillAndRestartIT.assertNoOrphans(data);
    try (JdbcDatabase db = JdbcDatabase.open(JdbcDatabase.h2Url(data.resolve("db")), "sa", "", 2)) {
      assertThat(new JdbcTaskQueue(db.dataSource()).unfinished(TaskKind.ARTIFACT_INGEST)).isEmpty();
    }
  }
}
