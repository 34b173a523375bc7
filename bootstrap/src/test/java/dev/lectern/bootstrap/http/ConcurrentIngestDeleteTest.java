package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.BASE;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.textIngest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.collection.CollectionId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eight clients ingest, replace and delete in one collection; the stores must still agree. */
class ConcurrentIngestDeleteTest {
  private static final String COLLECTION = "busy-collection";
  private static final int THREADS = 8;
  private static final int OPERATIONS = 40;
  private static final int ARTIFACTS = 12;

  @TempDir static Path dir;
  static RunningLectern lectern;

  @BeforeAll
  static void start() {
    lectern = RunningLectern.start(dir);
  }

  @AfterAll
  static void stop() {
    lectern.close();
  }

  private static String variant(int artifact, int version) {
    return "Artifact "
        + artifact
        + " version "
        + version
        + " talks about topic "
        + (artifact * 7 + version);
  }

  @Test
  void listContentAndIndexAgreeAfterParallelIngestsAndDeletes() throws Exception {
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      long seed = t;
      futures.add(
          pool.submit(
              () -> {
                Random random = new Random(seed);
                for (int i = 0; i < OPERATIONS; i++) {
                  int artifact = random.nextInt(ARTIFACTS);
                  Reply reply =
                      random.nextInt(4) == 0
                          ? lectern.post(
                              BASE + "delete",
                              ADMIN,
                              "{\"collection\":\""
                                  + COLLECTION
                                  + "\",\"artifact\":\"a"
                                  + artifact
                                  + "\"}")
                          : lectern.post(
                              BASE + "ingest",
                              ADMIN,
                              textIngest(
                                  COLLECTION,
                                  "a" + artifact,
                                  variant(artifact, random.nextInt(3)),
                                  "{}"));
                  statuses.merge(reply.status(), 1, Integer::sum);
                  assertThat(reply.status()).as(reply.body()).isIn(200, 404, 409);
                }
                return null;
              }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    assertThat(statuses.get(200)).isGreaterThan(THREADS * OPERATIONS / 3);

    JsonNode listed = lectern.get(BASE + "list?collection=" + COLLECTION, ADMIN).json().get("data");
    Set<String> artifacts = new HashSet<>();
    listed.forEach(n -> artifacts.add(n.get("artifact").asText()));

    JsonNode contents =
        lectern
            .post(
                BASE + "content",
                ADMIN,
                "{\"context_filter\":{\"collection\":\"" + COLLECTION + "\"}}")
            .json()
            .get("data");
    Map<String, String> textByArtifact = new HashMap<>();
    contents.forEach(
        n -> textByArtifact.put(n.get("artifact_id").asText(), n.get("content").asText()));
    assertThat(textByArtifact.keySet()).isEqualTo(artifacts);

    JsonNode chunks =
        lectern
            .post(
                BASE + "chunked-content",
                ADMIN,
                "{\"context_filter\":{\"collection\":\"" + COLLECTION + "\"}}")
            .json()
            .get("data");
    Map<String, String> chunkText = new HashMap<>();
    chunks.forEach(
        n ->
            chunkText.merge(
                n.get("artifact_id").asText(),
                n.at("/content/0/sources/0/text").asText(),
                (a, b) -> a + b));
    assertThat(chunkText).isEqualTo(textByArtifact);

    Map<ArtifactKey, Set<Long>> indexed = lectern.wiring().chunkIndex().versions();
    Set<String> indexedArtifacts = new HashSet<>();
    for (Map.Entry<ArtifactKey, Set<Long>> entry : indexed.entrySet()) {
      indexedArtifacts.add(entry.getKey().artifactId().value());
      long current =
          lectern.stores().artifacts().find(entry.getKey()).orElseThrow().current().version();
      assertThat(entry.getValue())
          .as("one version per artifact, the current one")
          .containsExactly(current);
    }
    assertThat(indexedArtifacts).isEqualTo(artifacts);
    for (String artifact : artifacts) {
      var key =
          new ArtifactKey(
              indexed.keySet().iterator().next().orgId(),
              new CollectionId(COLLECTION),
              new ArtifactId(artifact));
      assertThat(lectern.stores().artifacts().find(key).orElseThrow().busy()).isFalse();
    }
  }
}
