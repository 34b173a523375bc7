package dev.lectern.application.service;

import static dev.lectern.application.contract.Fixtures.chunks;
import static dev.lectern.application.contract.Fixtures.key;
import static dev.lectern.application.contract.Fixtures.revision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.fakes.InMemoryArtifactStore;
import dev.lectern.application.fakes.InMemoryBlobStore;
import dev.lectern.application.fakes.InMemoryChunkIndex;
import dev.lectern.application.fakes.InMemoryTaskQueue;
import dev.lectern.application.port.in.artifact.ReconcileStorageUseCase.Report;
import dev.lectern.application.service.artifact.ReconcileStorageService;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.collection.Language;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReconcileStorageServiceTest {
  private final InMemoryArtifactStore artifacts = new InMemoryArtifactStore();
  private final InMemoryChunkIndex index = new InMemoryChunkIndex();
  private final InMemoryBlobStore blobs = new InMemoryBlobStore();
  private final InMemoryTaskQueue tasks = new InMemoryTaskQueue();
  private final ReconcileStorageService reconcile =
      new ReconcileStorageService(
          artifacts,
          index,
          blobs,
          tasks,
          new dev.lectern.application.fakes.InMemoryDocumentStore());

  @Test
  void pendingIngestWhoseChunksWereCommittedIsCompleted() {
    ArtifactKey key = key("o", "c", "a");
    artifacts.claimIngest(key, revision(5, "text"));
    index.replace(key, 5, chunks(2, "x"), Language.ENGLISH);

    Report report = reconcile.reconcile();

    assertThat(report.rolledForward()).isEqualTo(1);
    assertThat(artifacts.find(key).orElseThrow().current().version()).isEqualTo(5);
  }

  @Test
  void pendingIngestWithoutChunksIsDroppedAndOldContentKept() {
    ArtifactKey key = key("o", "c", "a");
    artifacts.claimIngest(key, revision(1, "old"));
    artifacts.completeIngest(key, 1);
    index.replace(key, 1, chunks(1, "old"), Language.ENGLISH);
    artifacts.claimIngest(key, revision(2, "new"));

    Report report = reconcile.reconcile();

    assertThat(report.rolledBack()).isEqualTo(1);
    assertThat(artifacts.find(key).orElseThrow().current().version()).isEqualTo(1);
    assertThat(artifacts.find(key).orElseThrow().busy()).isFalse();
    assertThat(index.chunksOf(key)).hasSize(1);
  }

  @Test
  void interruptedDeleteIsFinished() {
    ArtifactKey key = key("o", "c", "a");
    artifacts.claimIngest(key, revision(1, "doomed"));
    artifacts.completeIngest(key, 1);
    index.replace(key, 1, chunks(1, "doomed"), Language.ENGLISH);
    artifacts.claimDelete(key);

    assertThat(reconcile.reconcile().deletesFinished()).isEqualTo(1);
    assertThat(artifacts.find(key)).isEmpty();
    assertThat(index.chunksOf(key)).isEmpty();
  }

  @Test
  void chunksAndBlobsNobodyReferencesAreRemoved() {
    ArtifactKey kept = key("o", "c", "kept");
    artifacts.claimIngest(kept, revision(1, "kept"));
    artifacts.completeIngest(kept, 1);
    index.replace(kept, 1, chunks(1, "kept"), Language.ENGLISH);
    blobs.put("kept".getBytes(StandardCharsets.UTF_8));
    index.replace(key("o", "c", "ghost"), 3, chunks(2, "ghost"), Language.ENGLISH);
    blobs.put("orphan".getBytes(StandardCharsets.UTF_8));

    Report report = reconcile.reconcile();

    assertThat(report.orphanVersions()).isEqualTo(1);
    assertThat(report.blobs()).isEqualTo(1);
    assertThat(index.chunksOf(kept)).hasSize(1);
    assertThat(blobs.hashes()).containsExactly(revision(1, "kept").contentHash().hex());
  }
}
