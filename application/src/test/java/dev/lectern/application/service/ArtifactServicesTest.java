package dev.lectern.application.service;

import static dev.lectern.application.contract.Fixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.application.error.Conflict;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.error.PayloadTooLarge;
import dev.lectern.application.error.UnsupportedContent;
import dev.lectern.application.fakes.InMemoryArtifactStore;
import dev.lectern.application.fakes.InMemoryBlobStore;
import dev.lectern.application.fakes.InMemoryChunkIndex;
import dev.lectern.application.fakes.InMemoryCollectionStore;
import dev.lectern.application.fakes.InMemoryLectern;
import dev.lectern.application.fakes.InMemoryTaskQueue;
import dev.lectern.application.fakes.MutableClock;
import dev.lectern.application.port.in.artifact.ArtifactChunk;
import dev.lectern.application.port.in.artifact.ArtifactInput;
import dev.lectern.application.port.in.artifact.ContextFilter;
import dev.lectern.application.port.in.artifact.IngestArtifactCommand;
import dev.lectern.application.port.in.artifact.ReadChunkedContentCommand;
import dev.lectern.application.port.out.ContentFetcher;
import dev.lectern.application.service.artifact.DeleteArtifactService;
import dev.lectern.application.service.artifact.IngestArtifactService;
import dev.lectern.application.service.artifact.ListArtifactsService;
import dev.lectern.application.service.artifact.ReadChunkedContentService;
import dev.lectern.application.service.artifact.ReadContentService;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.MetadataCondition;
import dev.lectern.domain.collection.CollectionId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArtifactServicesTest {
  private final ContentFetcher fetcher =
      uri ->
          new ContentFetcher.Fetched(
              "fetched words".getBytes(StandardCharsets.UTF_8), "text/plain", "remote.txt");
  private final InMemoryLectern lectern = new InMemoryLectern(fetcher, 100);
  private final InMemoryCollectionStore collections = lectern.collections;
  private final InMemoryArtifactStore artifacts = lectern.artifacts;
  private final InMemoryChunkIndex index = lectern.index;
  private final InMemoryBlobStore blobs = lectern.blobs;
  private final InMemoryTaskQueue tasks = lectern.tasks;
  private final MutableClock clock = lectern.clock;
  private final IngestArtifactService ingest = lectern.ingest;
  private final ListArtifactsService list = lectern.listArtifacts;
  private final ReadContentService content = lectern.readContent;
  private final ReadChunkedContentService chunked = lectern.readChunked;
  private final DeleteArtifactService delete = lectern.delete;
  private final CollectionId c1 = new CollectionId("c1");

  private Artifact ingestText(String artifact, String text, Map<String, Object> metadata) {
    return ingest
        .ingest(
            new IngestArtifactCommand(
                "org1", c1, new ArtifactId(artifact), new ArtifactInput.Text(text), metadata))
        .orElseThrow();
  }

  private ContextFilter all() {
    return new ContextFilter("org1", c1, null, null);
  }

  @Test
  void ingestCreatesTheCollectionAndPublishesTheArtifact() {
    Artifact artifact = ingestText("a1", "one two three", Map.of("source", "docs"));

    assertThat(artifact.current().fileName()).isEqualTo("text_content.txt");
    assertThat(artifact.current().metadata())
        .containsEntry("file_name", "text_content.txt")
        .containsEntry("source", "docs");
    assertThat(artifact.current().contentHash().hex())
        .isEqualTo("6899ee404683a14e8c2a03149860df25d67d34d9cd4dae7350cbe91e4b3976be");
    assertThat(collections.find("org1", c1)).isPresent();
    assertThat(list.list("org1", c1)).containsExactly(artifact);
    assertThat(content.read(all()))
        .singleElement()
        .satisfies(c -> assertThat(text(c)).isEqualTo("one two three"));
  }

  @Test
  void identicalContentIsNotIngestedTwiceButNewContentReplaces() {
    ingestText("a1", "alpha beta", Map.of());
    assertThat(
            ingest.ingest(
                new IngestArtifactCommand(
                    "org1",
                    c1,
                    new ArtifactId("a1"),
                    new ArtifactInput.Text("alpha beta"),
                    Map.of())))
        .isEmpty();

    ingestText("a1", "gamma delta epsilon", Map.of());
    assertThat(content.read(all()))
        .singleElement()
        .satisfies(c -> assertThat(text(c)).isEqualTo("gamma delta epsilon"));
    assertThat(index.chunksOf(key("org1", "c1", "a1")))
        .extracting(c -> c.text())
        .containsExactly("gamma delta epsilon");
  }

  @Test
  void unsupportedContentStoresNothing() {
    assertThatThrownBy(() -> ingestText("a1", "x", Map.of("file_name", "photo.png")))
        .isInstanceOf(UnsupportedContent.class);
    assertThat(collections.find("org1", c1)).isEmpty();
    assertThat(blobs.hashes()).isEmpty();
    assertThat(artifacts.find(key("org1", "c1", "a1"))).isEmpty();
  }

  @Test
  void oversizeInputIsRefused() {
    assertThatThrownBy(() -> ingestText("a1", "x".repeat(101), Map.of()))
        .isInstanceOf(PayloadTooLarge.class)
        .hasMessageContaining("limit is 100 bytes");
  }

  @Test
  void uriInputUsesTheFetchedNameAndBytes() {
    Artifact artifact =
        ingest
            .ingest(
                new IngestArtifactCommand(
                    "org1",
                    c1,
                    new ArtifactId("u"),
                    new ArtifactInput.Uri(URI.create("https://example.org/remote.txt")),
                    Map.of()))
            .orElseThrow();
    assertThat(artifact.current().fileName()).isEqualTo("remote.txt");
  }

  @Test
  void failedIndexWriteLeavesNoTrace() {
    index.failNextReplaces(1);
    assertThatThrownBy(() -> ingestText("a1", "doomed words", Map.of()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(artifacts.find(key("org1", "c1", "a1"))).isEmpty();
    assertThat(index.chunksOf(key("org1", "c1", "a1"))).isEmpty();
  }

  @Test
  void writeWhileAnotherIsPendingConflicts() {
    ArtifactKey key = key("org1", "c1", "a1");
    collections.findOrCreate(dev.lectern.application.contract.Fixtures.collection("org1", "c1"));
    artifacts.claimIngest(key, dev.lectern.application.contract.Fixtures.revision(1, "x"));

    assertThatThrownBy(() -> ingestText("a1", "new words", Map.of()))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("already in progress");
    assertThatThrownBy(() -> delete.delete(key)).isInstanceOf(Conflict.class);
  }

  @Test
  void chunkedContentRegroupsAndKeepsStoredIdsWhenUnchanged() {
    ingestText("a1", "w1 w2 w3 w4 w5 w6 w7", Map.of());
    List<ArtifactChunk> big = chunks(512);
    assertThat(big)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.chunk().text()).isEqualTo("w1 w2 w3 w4 w5 w6 w7");
              assertThat(c.chunk().id())
                  .isEqualTo(index.chunksOf(key("org1", "c1", "a1")).get(0).id());
            });

    List<ArtifactChunk> small = chunks(3);
    assertThat(small)
        .extracting(c -> c.chunk().text())
        .containsExactly("w1 w2 w3", "w4 w5 w6", "w7");
    assertThat(chunks(3))
        .extracting(c -> c.chunk().id())
        .isEqualTo(small.stream().map(c -> c.chunk().id()).toList());
  }

  private static String text(dev.lectern.application.port.in.artifact.ArtifactContent content) {
    try (var in = content.text().open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<ArtifactChunk> chunks(int maxTokens) {
    List<ArtifactChunk> read = new java.util.ArrayList<>();
    chunked.read(new ReadChunkedContentCommand(all(), maxTokens)).forEach(read::add);
    return read;
  }

  @Test
  void aWholeCollectionIsReadPageByPageInCreationOrder() {
    int count = 2 * 200 + 7;
    for (int i = 0; i < count; i++) {
      ingestText(String.format("a%04d", i), "words of artifact " + i, Map.of());
      clock.advance(java.time.Duration.ofMillis(1));
    }
    assertThat(list.list("org1", c1))
        .extracting(a -> a.key().artifactId().value())
        .hasSize(count)
        .startsWith("a0000", "a0001")
        .endsWith(String.format("a%04d", count - 1));
    assertThat(content.read(all())).hasSize(count);
  }

  @Test
  void filtersIntersectAndMissingArtifactsAreNotFound() {
    ingestText("a1", "first", Map.of("team", "red"));
    ingestText("a2", "second", Map.of("team", "blue"));
    ingestText("a3", "third", Map.of("team", "red"));

    ContextFilter filter =
        new ContextFilter(
            "org1",
            c1,
            List.of(new ArtifactId("a1"), new ArtifactId("a2")),
            List.of(new MetadataCondition("team", MetadataCondition.Operator.EQ, "red")));
    assertThat(content.read(filter))
        .extracting(c -> c.artifact().key().artifactId().value())
        .containsExactly("a1");

    assertThatThrownBy(
            () ->
                content.read(new ContextFilter("org1", c1, List.of(new ArtifactId("nope")), null)))
        .isInstanceOf(NotFound.class)
        .hasMessageContaining("artifact 'nope' not found");
    assertThatThrownBy(() -> list.list("org1", new CollectionId("missing")))
        .isInstanceOf(NotFound.class)
        .hasMessageContaining("collection 'missing' not found");
    assertThatThrownBy(() -> list.list("org2", c1))
        .as("another org never sees this org's collection")
        .isInstanceOf(NotFound.class);
  }

  @Test
  void deleteRemovesArtifactAndChunksAndUnknownIsNotFound() {
    ingestText("a1", "bye now", Map.of());
    delete.delete(key("org1", "c1", "a1"));

    assertThat(list.list("org1", c1)).isEmpty();
    assertThat(index.chunksOf(key("org1", "c1", "a1"))).isEmpty();
    assertThatThrownBy(() -> delete.delete(key("org1", "c1", "a1"))).isInstanceOf(NotFound.class);
  }
}
