package dev.lectern.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.application.error.NotFound;
import dev.lectern.application.fakes.InMemoryArtifactStore;
import dev.lectern.application.fakes.InMemoryBlobStore;
import dev.lectern.application.fakes.InMemoryChunkIndex;
import dev.lectern.application.fakes.InMemoryCollectionStore;
import dev.lectern.application.fakes.InMemoryTaskQueue;
import dev.lectern.application.fakes.PlainTextParser;
import dev.lectern.application.fakes.WordChunker;
import dev.lectern.application.port.in.artifact.ArtifactInput;
import dev.lectern.application.port.in.artifact.IngestArtifactCommand;
import dev.lectern.application.port.in.retrieval.Retrieval;
import dev.lectern.application.port.in.retrieval.RetrieveChunksCommand;
import dev.lectern.application.service.artifact.ArtifactTaskGuard;
import dev.lectern.application.service.artifact.DeleteArtifactService;
import dev.lectern.application.service.artifact.IngestArtifactService;
import dev.lectern.application.service.artifact.IngestPolicy;
import dev.lectern.application.service.retrieval.RetrieveChunksService;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.MetadataComparison;
import dev.lectern.domain.artifact.MetadataFilter;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.collection.Language;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetrieveChunksServiceTest {
  private final InMemoryCollectionStore collections = new InMemoryCollectionStore();
  private final InMemoryArtifactStore artifacts = new InMemoryArtifactStore();
  private final InMemoryChunkIndex index = new InMemoryChunkIndex();
  private final InMemoryTaskQueue tasks = new InMemoryTaskQueue();
  private final IngestArtifactService ingest =
      new IngestArtifactService(
          collections,
          artifacts,
          index,
          new WordChunker(),
          new PlainTextParser(),
          new InMemoryBlobStore(),
          uri -> {
            throw new IllegalStateException("no fetches here");
          },
          new IngestPolicy(1000, Language.ENGLISH),
          new ArtifactTaskGuard(tasks),
          Clock.systemUTC());
  private final RetrieveChunksService retrieve =
      new RetrieveChunksService(
          collections, artifacts, new dev.lectern.application.fakes.InMemoryDocumentStore(), index);
  private final CollectionId c1 = new CollectionId("c1");
  private final CollectionId c2 = new CollectionId("c2");

  private void ingest(
      CollectionId collection, String artifact, String text, Map<String, Object> m) {
    ingest.ingest(
        new IngestArtifactCommand(
            "org1", collection, new ArtifactId(artifact), new ArtifactInput.Text(text), m));
  }

  private RetrieveChunksCommand query(String question, List<CollectionId> in) {
    return new RetrieveChunksCommand("org1", in, null, null, question, 1024, 0.0, 1, 30, false);
  }

  @BeforeEach
  void corpus() {
    ingest(c1, "a", "billing dashboard", Map.of("author", "Ann", "year", 2024));
    ingest(c1, "b", "billing invoices", Map.of("author", "Bob", "year", 2021));
    ingest(c2, "c", "billing elsewhere", Map.of("author", "Ann"));
  }

  @Test
  void retrievesAcrossCollectionsWithDocumentCounts() {
    Retrieval found = retrieve.retrieve(query("billing", List.of(c1, c2)));

    assertThat(found.total()).isEqualTo(3);
    assertThat(found.documents()).hasSize(3).allSatisfy(d -> assertThat(d.count()).isEqualTo(1));
    assertThat(retrieve.retrieve(query("billing", List.of(c1))).total()).isEqualTo(2);
  }

  @Test
  void pagesThresholdAndBlankQuestions() {
    Retrieval page2 =
        retrieve.retrieve(
            new RetrieveChunksCommand(
                "org1", List.of(c1, c2), null, null, "billing", 1024, 0.0, 2, 2, false));
    assertThat(page2.total()).isEqualTo(3);
    assertThat(page2.chunks()).hasSize(1);
    Retrieval strict =
        retrieve.retrieve(
            new RetrieveChunksCommand(
                "org1", List.of(c1), null, null, "billing dashboard", 1024, 0.9, 1, 30, false));
    assertThat(strict.chunks())
        .singleElement()
        .satisfies(c -> assertThat(c.artifact().key().artifactId().value()).isEqualTo("a"));
    assertThat(retrieve.retrieve(query("   ", List.of(c1)))).isEqualTo(Retrieval.EMPTY);
  }

  @Test
  void narrowsByArtifactIdsAndMetadata() {
    Retrieval onlyB =
        retrieve.retrieve(
            new RetrieveChunksCommand(
                "org1",
                List.of(c1, c2),
                List.of(new ArtifactId("b")),
                null,
                "billing",
                1024,
                0,
                1,
                30,
                false));
    assertThat(onlyB.chunks()).hasSize(1);

    MetadataFilter ann =
        MetadataFilter.all(
            List.of(new MetadataComparison("author", MetadataComparison.Operator.EQUAL, "ann")));
    Retrieval byAnn =
        retrieve.retrieve(
            new RetrieveChunksCommand(
                "org1", List.of(c1, c2), null, ann, "billing", 1024, 0, 1, 30, false));
    assertThat(byAnn.chunks())
        .extracting(c -> c.artifact().key().artifactId().value())
        .containsExactlyInAnyOrder("a", "c");
    MetadataFilter recentOrBob =
        new MetadataFilter(
            true,
            List.of(
                new MetadataComparison("year", MetadataComparison.Operator.GREATER, "2023"),
                new MetadataComparison("author", MetadataComparison.Operator.EQUAL, "BOB")));
    Retrieval either =
        retrieve.retrieve(
            new RetrieveChunksCommand(
                "org1", List.of(c1, c2), null, recentOrBob, "billing", 1024, 0, 1, 30, false));
    assertThat(either.chunks())
        .extracting(c -> c.artifact().key().artifactId().value())
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void unknownCollectionsAndArtifactsAreNotFoundAndDeletedArtifactsVanish() {
    assertThatThrownBy(() -> retrieve.retrieve(query("billing", List.of(new CollectionId("x")))))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(
            () ->
                retrieve.retrieve(
                    new RetrieveChunksCommand(
                        "org1",
                        List.of(c1),
                        List.of(new ArtifactId("c")),
                        null,
                        "billing",
                        10,
                        0,
                        1,
                        30,
                        false)))
        .isInstanceOf(NotFound.class);

    new DeleteArtifactService(
            artifacts,
            index,
            new ArtifactTaskGuard(tasks),
            new dev.lectern.application.fakes.InMemoryDocumentStore())
        .delete(new ArtifactKey("org1", c1, new ArtifactId("a")));
    assertThat(retrieve.retrieve(query("billing", List.of(c1))).total()).isEqualTo(1);
  }
}
