package dev.lectern.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.adapters.jdbc.JdbcArtifactStore;
import dev.lectern.adapters.jdbc.JdbcDatabase;
import dev.lectern.adapters.lucene.LuceneChunkIndex;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactKey;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fat JAR as a user runs it: ingest from several clients, SIGKILL the server mid-stream,
 * restart it, and find every acknowledged artifact intact and no orphan chunks. The CLI is used
 * next to the running server on the same data directory.
 */
class KillAndRestartIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "/api/gpt/v1/artifacts/";
  private final E2eHttp http = new E2eHttp();

  @TempDir Path dir;

  private HttpResponse<String> post(int port, String token, String path, String body)
      throws Exception {
    return http.post(port, token, path, body);
  }

  private HttpResponse<String> get(int port, String token, String path) throws Exception {
    return http.get(port, token, path);
  }

  private static String text(int n) {
    return "Document "
        + n
        + " records that valve "
        + n
        + " must be turned "
        + (n % 2 == 0 ? "left" : "right")
        + ".\\n\\n"
        + "Paragraph two of document "
        + n
        + " adds detail number "
        + (n * 31)
        + ".";
  }

  @Test
  void acknowledgedIngestsSurviveSigkillAndNothingIsOrphaned() throws Exception {
    Path data = dir.resolve("data");
    LecternProcess first = LecternProcess.start(data);
    String admin = Files.readString(data.resolve("admin-token")).strip();
    assertThat(first.logText()).contains(admin).contains("Lectern listening on http://127.0.0.1:");

    // The CLI works next to the running server on the same data directory.
    String created = LecternProcess.cli(data, "token", "create", "--name", "ci");
    String secret =
        created
            .lines()
            .filter(l -> l.startsWith("Secret"))
            .findFirst()
            .orElseThrow()
            .replace("Secret (shown once): ", "")
            .strip();
    assertThat(get(first.port, secret, "/api/v1/account/me").statusCode()).isEqualTo(200);
    assertThat(LecternProcess.cli(data, "token", "list")).contains("ci").contains("admin");

    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(4);
    for (int c = 0; c < 4; c++) {
      clients.submit(
          () -> {
            while (running.get()) {
              int n = next.getAndIncrement();
              String body =
                  "{\"collection\":\"durable\",\"artifact\":\"doc-"
                      + n
                      + "\",\"input\":{\"type\":\"text\",\"value\":\""
                      + text(n)
                      + "\"}}";
              try {
                if (post(first.port, secret, BASE + "ingest", body).statusCode() == 200) {
                  acknowledged.put("doc-" + n, text(n).replace("\\n", "\n"));
                }
              } catch (Exception killed) {
                return null;
              }
            }
            return null;
          });
    }
    while (acknowledged.size() < 40) {
      Thread.sleep(20);
    }
    first.kill();
    running.set(false);
    clients.shutdown();
    clients.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(acknowledged.size()).isGreaterThanOrEqualTo(40);

    LecternProcess second = LecternProcess.start(data);
    JsonNode contents =
        JSON.readTree(
                post(
                        second.port,
                        admin,
                        BASE + "content",
                        "{\"context_filter\":{\"collection\":\"durable\"}}")
                    .body())
            .get("data");
    Map<String, String> found = new ConcurrentHashMap<>();
    contents.forEach(n -> found.put(n.get("artifact_id").asText(), n.get("content").asText()));
    for (Map.Entry<String, String> entry : acknowledged.entrySet()) {
      assertThat(found)
          .as("acknowledged " + entry.getKey())
          .containsEntry(entry.getKey(), entry.getValue());
    }
    JsonNode chunks =
        JSON.readTree(
                post(
                        second.port,
                        admin,
                        BASE + "chunked-content",
                        "{\"context_filter\":{\"collection\":\"durable\"},\"max_tokens\":8192}")
                    .body())
            .get("data");
    Set<String> chunked = ConcurrentHashMap.newKeySet();
    chunks.forEach(n -> chunked.add(n.get("artifact_id").asText()));
    assertThat(chunked).isEqualTo(found.keySet());

    // The CLI's revocation reaches the running server at once.
    String tokenId =
        created.lines().filter(l -> l.startsWith("Token ")).findFirst().orElseThrow().split(" ")[1];
    LecternProcess.cli(data, "token", "revoke", tokenId);
    assertThat(get(second.port, secret, "/api/v1/account/me").statusCode()).isEqualTo(401);

    assertThat(second.stop()).as("graceful stop exits 0").isZero();
    assertNoOrphans(data);
  }

  /** With the server stopped, the index holds exactly the current version of every artifact. */
  static void assertNoOrphans(Path data) throws Exception {
    try (JdbcDatabase db = JdbcDatabase.open(JdbcDatabase.h2Url(data.resolve("db")), "sa", "", 2);
        LuceneChunkIndex index = LuceneChunkIndex.open(data.resolve("index"))) {
      JdbcArtifactStore artifacts = new JdbcArtifactStore(db.dataSource());
      assertThat(artifacts.unfinished()).isEmpty();
      Map<ArtifactKey, Set<Long>> versions = index.versions();
      List<String> problems = new ArrayList<>();
      versions.forEach(
          (key, held) -> {
            Artifact artifact = artifacts.find(key).orElse(null);
            if (artifact == null || !held.equals(Set.of(artifact.current().version()))) {
              problems.add(key + " holds " + held);
            }
          });
      assertThat(problems).isEmpty();
      assertThat(versions.size()).isEqualTo(artifacts.liveVersions().size());
    }
  }
}
