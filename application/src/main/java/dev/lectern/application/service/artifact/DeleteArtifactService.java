package dev.lectern.application.service.artifact;

import dev.lectern.application.error.Conflict;
import dev.lectern.application.port.in.artifact.DeleteArtifactUseCase;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.ChunkIndex;
import dev.lectern.application.port.out.DocumentStore;
import dev.lectern.domain.artifact.ArtifactKey;

/**
 * Service: marks the artifact deleting, removes its chunks durably, then forgets it and its
 * document entry.
 */
public final class DeleteArtifactService implements DeleteArtifactUseCase {
  private final ArtifactStore artifacts;
  private final ChunkIndex index;
  private final ArtifactTaskGuard tasks;
  private final DocumentStore documents;

  public DeleteArtifactService(
      ArtifactStore artifacts, ChunkIndex index, ArtifactTaskGuard tasks, DocumentStore documents) {
    this.documents = documents;
    this.artifacts = artifacts;
    this.index = index;
    this.tasks = tasks;
  }

  @Override
  public void delete(ArtifactKey key) {
    tasks.requireIdle(key);
    run(key, IngestProgress.NONE);
  }

  /** Deletes for a caller that already holds the artifact's task; the safe point is the start. */
  void run(ArtifactKey key, IngestProgress progress) {
    run(key, progress, false);
  }

  /** As {@link #run(ArtifactKey, IngestProgress)}; {@code keepDocument} keeps its entry. */
  void run(ArtifactKey key, IngestProgress progress, boolean keepDocument) {
    Stopwatch watch = new Stopwatch(progress);
    watch.start(IngestStage.INDEX);
    switch (artifacts.claimDelete(key)) {
      case MISSING, UNCHANGED -> throw ArtifactSelection.artifactNotFound(key);
      case BUSY -> throw new Conflict(IngestArtifactService.busyMessage(key), "artifact");
      case STARTED -> {}
    }
    index.delete(key);
    artifacts.completeDelete(key);
    if (!keepDocument) {
      // A deleted artifact is a deleted document, whichever dialect deletes it.
      documents.delete(key);
    }
    watch.done("artifact and its chunks removed");
  }
}
