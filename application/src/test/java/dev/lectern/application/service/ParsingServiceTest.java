package dev.lectern.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.application.contract.Fixtures;
import dev.lectern.application.error.Conflict;
import dev.lectern.application.fakes.InMemoryArtifactStore;
import dev.lectern.application.fakes.InMemoryBlobStore;
import dev.lectern.application.fakes.InMemoryChunkIndex;
import dev.lectern.application.fakes.InMemoryCollectionStore;
import dev.lectern.application.fakes.InMemoryDocumentStore;
import dev.lectern.application.fakes.InMemoryTaskQueue;
import dev.lectern.application.fakes.MutableClock;
import dev.lectern.application.fakes.PlainTextParser;
import dev.lectern.application.fakes.RecordingTaskEvents;
import dev.lectern.application.fakes.WordChunker;
import dev.lectern.application.port.in.document.UploadDocumentsUseCase.Upload;
import dev.lectern.application.port.out.DocumentParser;
import dev.lectern.application.service.artifact.ArtifactTaskGuard;
import dev.lectern.application.service.artifact.DeleteArtifactService;
import dev.lectern.application.service.artifact.DocumentChunking;
import dev.lectern.application.service.artifact.IngestArtifactService;
import dev.lectern.application.service.artifact.IngestPolicy;
import dev.lectern.application.service.artifact.ParseDocumentTaskHandler;
import dev.lectern.application.service.document.DocumentCatalogue;
import dev.lectern.application.service.document.DocumentService;
import dev.lectern.application.service.document.ParsingService;
import dev.lectern.application.service.document.UpdateDocumentService;
import dev.lectern.application.service.task.TaskAdminService;
import dev.lectern.application.service.task.TaskEngine;
import dev.lectern.application.service.task.TaskSubmitter;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.ArtifactStatus;
import dev.lectern.domain.artifact.DocumentEntry;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.collection.Language;
import dev.lectern.domain.task.TaskKind;
import dev.lectern.domain.task.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stopping a parse: before the commit nothing is written; after it the chunks are taken out. */
class ParsingServiceTest {
  private final MutableClock clock = new MutableClock(Fixtures.T0);
  private final InMemoryCollectionStore collections = new InMemoryCollectionStore();
  private final InMemoryArtifactStore artifacts = new InMemoryArtifactStore();
  private final InMemoryDocumentStore documents = new InMemoryDocumentStore();
  private final InMemoryChunkIndex index = new InMemoryChunkIndex();
  private final InMemoryBlobStore blobs = new InMemoryBlobStore();
  private final InMemoryTaskQueue queue = new InMemoryTaskQueue();
  private final ArtifactTaskGuard guard = new ArtifactTaskGuard(queue);
  private Runnable parseHook = () -> {};
  private final DocumentParser parser =
      new DocumentParser() {
        private final PlainTextParser plain = new PlainTextParser();

        @Override
        public String parse(Source source) {
          parseHook.run();
          return plain.parse(source);
        }

        @Override
        public boolean supports(String fileName) {
          return plain.supports(fileName);
        }
      };
  private final IngestArtifactService ingest =
      new IngestArtifactService(
          collections,
          artifacts,
          index,
          new WordChunker(),
          parser,
          blobs,
          uri -> {
            throw new IllegalStateException("no fetches");
          },
          new IngestPolicy(10_000, Language.ENGLISH),
          guard,
          clock);
  private final DeleteArtifactService delete =
      new DeleteArtifactService(artifacts, index, guard, documents);
  private final DocumentCatalogue catalogue =
      new DocumentCatalogue(collections, documents, artifacts);
  private final DocumentService upload =
      new DocumentService(collections, documents, catalogue, delete, blobs, parser, 10_000, clock);
  private final TaskAdminService admin = new TaskAdminService(queue, clock);
  private final RecordingTaskEvents events = new RecordingTaskEvents();
  private final ParsingService parsing =
      new ParsingService(
          documents,
          catalogue,
          delete,
          new TaskSubmitter(queue, events, clock, new TaskSubmitter.Limits(100, 3), () -> {}),
          admin,
          guard,
          clock);
  private final TaskEngine engine =
      new TaskEngine(
          queue,
          Map.of(
              TaskKind.DOCUMENT_PARSE,
              new ParseDocumentTaskHandler(
                  ingest,
                  delete,
                  documents,
                  artifacts,
                  blobs,
                  new DocumentChunking(new WordChunker()),
                  clock)),
          events,
          clock,
          TestTaskSettings.oneWorker());
  private final CollectionId c1 = new CollectionId("c1");
  private final ArtifactId doc = new ArtifactId("d1");
  private final ArtifactKey key = new ArtifactKey("org1", c1, doc);

  @BeforeEach
  void uploaded() {
    collections.findOrCreate(Fixtures.collection("org1", "c1"));
    upload.upload(
        "org1",
        c1,
        List.of(
            new Upload(
                doc, "notes.txt", "alpha beta gamma delta".getBytes(StandardCharsets.UTF_8))));
  }

  private DocumentEntry entry() {
    return documents.find(key).orElseThrow();
  }

  private void stop() {
    parsing.stop("org1", c1, List.of(doc));
  }

  @Test
  void aParseRunsToDoneAndAQueuedOneCannotBeStopped() {
    assertThat(parsing.parse("org1", c1, List.of(doc, new ArtifactId("nope"))))
        .containsExactly(new ArtifactId("nope"));
    assertThat(entry().parse().run()).isEqualTo(ArtifactStatus.RUNNING);
    assertThatThrownBy(this::stop).isInstanceOf(Conflict.class);

    assertThat(engine.runOne()).isTrue();

    assertThat(entry().parse().run()).isEqualTo(ArtifactStatus.DONE);
    assertThat(entry().parse().progress()).isEqualTo(1.0);
    assertThat(index.chunksOf(key)).isNotEmpty();
    assertThatThrownBy(this::stop).isInstanceOf(Conflict.class);
  }

  @Test
  void stoppingBeforeTheCommitLeavesNoChunks() {
    parsing.parse("org1", c1, List.of(doc));
    parseHook = this::stop;

    engine.runOne();

    assertThat(entry().parse().run()).isEqualTo(ArtifactStatus.CANCELLED);
    assertThat(entry().parse().progress()).isZero();
    assertThat(entry().parse().message()).contains("cancelled");
    assertThat(index.chunksOf(key)).isEmpty();
    assertThat(artifacts.find(key)).isEmpty();
    assertThat(
            queue
                .find(
                    "org1",
                    dev.lectern.domain.task.TaskId.parse(entry().parse().taskId()).orElseThrow())
                .orElseThrow()
                .status())
        .isEqualTo(TaskStatus.CANCELLED);
  }

  @Test
  void stoppingAfterTheCommitTakesTheChunksBackOut() {
    parsing.parse("org1", c1, List.of(doc));
    index.beforeReplace(this::stop);

    engine.runOne();

    assertThat(entry().parse().run()).isEqualTo(ArtifactStatus.CANCELLED);
    assertThat(entry().parse().progress()).isZero();
    assertThat(index.chunksOf(key)).isEmpty();
    assertThat(artifacts.find(key)).isEmpty();
  }

  @Test
  void aRenameWhileTheDocumentIsParsedReachesItsNewRevision() {
    parsing.parse("org1", c1, List.of(doc));
    UpdateDocumentService update =
        new UpdateDocumentService(catalogue, artifacts, delete, index, guard, clock);
    parseHook =
        () -> {
          DocumentEntry e = entry();
          update.update(
              new DocumentEntry(
                  key,
                  "renamed.txt",
                  e.source(),
                  e.sizeBytes(),
                  e.chunkMethod(),
                  e.parserConfig(),
                  e.metaFields(),
                  e.enabled(),
                  e.parse(),
                  e.createdAt(),
                  e.updatedAt()));
        };

    engine.runOne();

    assertThat(entry().name()).isEqualTo("renamed.txt");
    assertThat(artifacts.find(key).orElseThrow().current().fileName()).isEqualTo("renamed.txt");
    assertThat(artifacts.find(key).orElseThrow().current().metadata())
        .containsEntry("file_name", "renamed.txt");
  }

  @Test
  void reparsingAFinishedDocumentReplacesItsChunks() {
    parsing.parse("org1", c1, List.of(doc));
    engine.runOne();
    parsing.parse("org1", c1, List.of(doc));
    assertThat(index.chunksOf(key)).isEmpty();
    assertThat(entry().parse().progress()).isZero();
    engine.runOne();
    assertThat(entry().parse().run()).isEqualTo(ArtifactStatus.DONE);
    assertThat(index.chunksOf(key)).isNotEmpty();
  }

  @Test
  void aDisabledDocumentIsParsedWithHiddenChunks() {
    DocumentEntry disabled =
        new DocumentEntry(
            key,
            entry().name(),
            entry().source(),
            entry().sizeBytes(),
            entry().chunkMethod(),
            entry().parserConfig(),
            entry().metaFields(),
            false,
            entry().parse(),
            entry().createdAt(),
            entry().updatedAt());
    documents.update(disabled);
    parsing.parse("org1", c1, List.of(doc));
    engine.runOne();
    assertThat(index.chunksOf(key)).isNotEmpty().noneMatch(chunk -> chunk.available());
  }
}
