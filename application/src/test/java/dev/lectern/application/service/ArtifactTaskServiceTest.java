package dev.lectern.application.service;

import static dev.lectern.application.contract.Fixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.application.error.Conflict;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.error.Unavailable;
import dev.lectern.application.fakes.InMemoryArtifactStore;
import dev.lectern.application.fakes.InMemoryBlobStore;
import dev.lectern.application.fakes.InMemoryChunkIndex;
import dev.lectern.application.fakes.InMemoryCollectionStore;
import dev.lectern.application.fakes.InMemoryTaskQueue;
import dev.lectern.application.fakes.MutableClock;
import dev.lectern.application.fakes.PlainTextParser;
import dev.lectern.application.fakes.RecordingTaskEvents;
import dev.lectern.application.fakes.WordChunker;
import dev.lectern.application.port.in.artifact.ArtifactInput;
import dev.lectern.application.port.in.artifact.ArtifactTask;
import dev.lectern.application.port.in.artifact.IngestArtifactCommand;
import dev.lectern.application.port.in.task.ListTasksCommand;
import dev.lectern.application.port.out.ContentFetcher;
import dev.lectern.application.port.out.TaskEvents;
import dev.lectern.application.port.out.TaskQueue;
import dev.lectern.application.service.artifact.ArtifactTaskGuard;
import dev.lectern.application.service.artifact.ArtifactTaskService;
import dev.lectern.application.service.artifact.DeleteArtifactService;
import dev.lectern.application.service.artifact.DeleteArtifactTaskHandler;
import dev.lectern.application.service.artifact.IngestArtifactService;
import dev.lectern.application.service.artifact.IngestArtifactTaskHandler;
import dev.lectern.application.service.artifact.IngestPolicy;
import dev.lectern.application.service.artifact.ReconcileStorageService;
import dev.lectern.application.service.task.TaskAdminService;
import dev.lectern.application.service.task.TaskEngine;
import dev.lectern.application.service.task.TaskSubmitter;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.ContentHash;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.collection.Language;
import dev.lectern.domain.task.TaskId;
import dev.lectern.domain.task.TaskKind;
import dev.lectern.domain.task.TaskStatus;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ArtifactTaskServiceTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
  private final InMemoryCollectionStore collections = new InMemoryCollectionStore();
  private final InMemoryArtifactStore artifacts = new InMemoryArtifactStore();
  private final InMemoryChunkIndex index = new InMemoryChunkIndex();
  private final InMemoryBlobStore blobs = new InMemoryBlobStore();
  private final InMemoryTaskQueue store = new InMemoryTaskQueue();
  private final AtomicInteger finishFailures = new AtomicInteger();
  private final TaskQueue queue = failingFinish(store, finishFailures);
  private final TaskEvents events = new RecordingTaskEvents();
  private final ArtifactTaskGuard guard = new ArtifactTaskGuard(queue);
  private Runnable fetchHook = () -> {};
  private final ContentFetcher fetcher =
      uri -> {
        fetchHook.run();
        return new ContentFetcher.Fetched(
            "remote words here".getBytes(StandardCharsets.UTF_8), "text/plain", "remote.txt");
      };
  private final IngestArtifactService ingest =
      new IngestArtifactService(
          collections,
          artifacts,
          index,
          new WordChunker(),
          new PlainTextParser(),
          blobs,
          fetcher,
          new IngestPolicy(1000, Language.ENGLISH),
          guard,
          clock);
  private final dev.lectern.application.fakes.InMemoryDocumentStore documents =
      new dev.lectern.application.fakes.InMemoryDocumentStore();
  private final DeleteArtifactService delete =
      new DeleteArtifactService(artifacts, index, guard, documents);
  private final TaskAdminService admin = new TaskAdminService(queue, clock);
  private final ArtifactTaskService tasks =
      new ArtifactTaskService(
          new TaskSubmitter(queue, events, clock, new TaskSubmitter.Limits(100, 3), () -> {}),
          admin,
          guard,
          artifacts,
          blobs);
  private final TaskEngine engine =
      new TaskEngine(
          queue,
          Map.of(
              TaskKind.ARTIFACT_INGEST,
              new IngestArtifactTaskHandler(ingest, artifacts, blobs),
              TaskKind.ARTIFACT_DELETE,
              new DeleteArtifactTaskHandler(delete, artifacts)),
          events,
          clock,
          TestTaskSettings.oneWorker());
  private final ArtifactKey a1 = key("org1", "c1", "a1");

  private IngestArtifactCommand text(String artifact, String value) {
    return new IngestArtifactCommand(
        "org1",
        new CollectionId("c1"),
        new ArtifactId(artifact),
        new ArtifactInput.Text(value),
        Map.of("file_name", "notes.txt", "source", "tests"));
  }

  private IngestArtifactCommand uriCommand() {
    return new IngestArtifactCommand(
        "org1",
        new CollectionId("c1"),
        new ArtifactId("a1"),
        new ArtifactInput.Uri(URI.create("https://example.org/remote.txt")),
        Map.of());
  }

  private ArtifactTask ingestTask(TaskId id) {
    return tasks.read("org1", id.value(), TaskKind.ARTIFACT_INGEST);
  }

  @Test
  void anAsyncIngestPublishesTheArtifactAndReportsTheDocument() {
    TaskId id = tasks.submit(text("a1", "alpha beta gamma"));
    assertThat(ingestTask(id).status()).isEqualTo(TaskStatus.PENDING);
    assertThat(artifacts.find(a1)).isEmpty();

    engine.runOne();

    ArtifactTask done = ingestTask(id);
    assertThat(done.status()).isEqualTo(TaskStatus.SUCCESS);
    assertThat(done.documents())
        .singleElement()
        .satisfies(
            document -> {
              assertThat(document.key()).isEqualTo(a1);
              assertThat(document.hash())
                  .isEqualTo(ContentHash.of("alpha beta gamma".getBytes(StandardCharsets.UTF_8)));
              assertThat(document.metadata())
                  .containsEntry("file_name", "notes.txt")
                  .containsEntry("source", "tests");
            });
    assertThat(index.chunksOf(a1)).isNotEmpty();
    assertThat(admin.find("org1", id.value()).messages())
        .anyMatch(m -> m.contains("fetch: "))
        .anyMatch(m -> m.contains("parse: "))
        .anyMatch(m -> m.contains("chunk: "))
        .anyMatch(m -> m.contains("index: "));
  }

  @Test
  void identicalContentSucceedsWithNoDocuments() {
    ingest.ingest(text("a1", "alpha beta"));
    TaskId id = tasks.submit(text("a1", "alpha beta"));
    engine.runOne();

    assertThat(ingestTask(id).status()).isEqualTo(TaskStatus.SUCCESS);
    assertThat(ingestTask(id).documents()).isEmpty();
  }

  @Test
  void anArtifactWithAnUnfinishedTaskRefusesEveryOtherWrite() {
    ingest.ingest(text("a1", "first"));
    tasks.submit(text("a1", "second"));

    assertThatThrownBy(() -> tasks.submit(text("a1", "third"))).isInstanceOf(Conflict.class);
    assertThatThrownBy(() -> tasks.submit(a1)).isInstanceOf(Conflict.class);
    assertThatThrownBy(() -> ingest.ingest(text("a1", "sync"))).isInstanceOf(Conflict.class);
    assertThatThrownBy(() -> delete.delete(a1))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("already pending or running");
    tasks.submit(text("a2", "another artifact is free"));

    engine.runOne();

    tasks.submit(a1);
  }

  @Test
  void anAsyncDeleteRemovesTheArtifactAndItsChunks() {
    ingest.ingest(text("a1", "to be removed"));
    TaskId id = tasks.submit(a1);
    engine.runOne();

    ArtifactTask done = tasks.read("org1", id.value(), TaskKind.ARTIFACT_DELETE);
    assertThat(done.status()).isEqualTo(TaskStatus.SUCCESS);
    assertThat(done.documents()).isEmpty();
    assertThat(artifacts.find(a1)).isEmpty();
    assertThat(index.chunksOf(a1)).isEmpty();
  }

  @Test
  void deletingAnUnknownArtifactIsNotFoundBeforeAnyTaskExists() {
    assertThatThrownBy(() -> tasks.submit(a1))
        .isInstanceOf(NotFound.class)
        .hasMessage("artifact 'a1' not found in collection 'c1'");
    assertThat(admin.list(new ListTasksCommand("org1", null, null, 10)).tasks()).isEmpty();
  }

  @Test
  void aTaskIdIsReadOnlyThroughItsOwnKindAndOrg() {
    TaskId id = tasks.submit(text("a1", "alpha"));
    assertThatThrownBy(() -> tasks.read("org1", id.value(), TaskKind.ARTIFACT_DELETE))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> tasks.read("org2", id.value(), TaskKind.ARTIFACT_INGEST))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void cancellingBeforeTheIndexCommitLeavesNoChunksAndNoArtifact() {
    TaskId id = tasks.submit(uriCommand());
    fetchHook = () -> admin.cancel("org1", id.value());

    engine.runOne();

    assertThat(ingestTask(id).status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(index.chunksOf(a1)).isEmpty();
    assertThat(index.versions()).doesNotContainKey(a1);
    assertThat(artifacts.find(a1)).isEmpty();
  }

  @Test
  void aCancellationArrivingAfterTheIndexCommitIsTooLateAndTheIngestCompletes() {
    ingest.ingest(text("a1", "old words"));
    TaskId id = tasks.submit(text("a1", "new words"));
    index.beforeReplace(() -> admin.cancel("org1", id.value()));

    engine.runOne();

    assertThat(ingestTask(id).status()).isEqualTo(TaskStatus.SUCCESS);
    assertThat(index.chunksOf(a1)).extracting(c -> c.text()).containsExactly("new words");
    assertThat(artifacts.find(a1).orElseThrow().pendingVersion()).isNull();
  }

  @Test
  void aRerunAfterPublishingReportsTheDocumentItPublished() {
    finishFailures.set(4);
    TaskId id = tasks.submit(text("a1", "alpha beta"));

    engine.runOne();
    assertThat(ingestTask(id).status()).isEqualTo(TaskStatus.PENDING);
    assertThat(artifacts.find(a1).orElseThrow().populated()).isTrue();
    clock.advance(Duration.ofSeconds(1));
    engine.runOne();

    assertThat(ingestTask(id).status()).isEqualTo(TaskStatus.SUCCESS);
    assertThat(ingestTask(id).documents()).singleElement().extracting(d -> d.key()).isEqualTo(a1);
  }

  @Test
  void aUriIsFetchedByTheTask() {
    TaskId id = tasks.submit(uriCommand());
    engine.runOne();

    assertThat(ingestTask(id).status()).isEqualTo(TaskStatus.SUCCESS);
    assertThat(ingestTask(id).documents().get(0).metadata())
        .containsEntry("file_name", "remote.txt");
  }

  @Test
  void aQueuedIngestKeepsItsInputThroughStartUpCleaning() {
    TaskId id = tasks.submit(text("a1", "queued words"));
    new ReconcileStorageService(artifacts, index, blobs, queue, documents).reconcile();

    engine.runOne();

    assertThat(ingestTask(id).status()).isEqualTo(TaskStatus.SUCCESS);
  }

  @Test
  void anIngestWhoseStoredInputIsGoneFails() {
    TaskId id = tasks.submit(text("a1", "vanishing words"));
    blobs.delete(ContentHash.of("vanishing words".getBytes(StandardCharsets.UTF_8)));

    engine.runOne();

    assertThat(ingestTask(id).status()).isEqualTo(TaskStatus.FAILURE);
    assertThat(ingestTask(id).error()).contains("is gone");
  }

  /** A queue whose {@code finish} fails the first {@code failures} times, as a store outage. */
  private static TaskQueue failingFinish(TaskQueue queue, AtomicInteger failures) {
    return (TaskQueue)
        Proxy.newProxyInstance(
            TaskQueue.class.getClassLoader(),
            new Class<?>[] {TaskQueue.class},
            (proxy, method, args) -> {
              if (method.getName().equals("finish") && failures.getAndDecrement() > 0) {
                throw new Unavailable("simulated: the store is down when the task is finished");
              }
              try {
                return method.invoke(queue, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
