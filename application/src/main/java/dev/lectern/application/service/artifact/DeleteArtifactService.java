package dev.lectern.application.service.artifact;

import dev.lectern.application.error.Conflict;
import dev.lectern.application.port.in.artifact.DeleteArtifactUseCase;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.ChunkIndex;
import dev.lectern.domain.artifact.ArtifactKey;

/** Service: marks the artifact deleting, removes its chunks durably, then forgets it. */
public final class DeleteArtifactService implements DeleteArtifactUseCase {
  private final ArtifactStore artifacts;
  private final ChunkIndex index;

  public DeleteArtifactService(ArtifactStore artifacts, ChunkIndex index) {
    this.artifacts = artifacts;
    this.index = index;
  }

  @Override
  public void delete(ArtifactKey key) {
    switch (artifacts.claimDelete(key)) {
      case MISSING, UNCHANGED -> throw ArtifactSelection.artifactNotFound(key);
      case BUSY -> throw new Conflict(IngestArtifactService.busyMessage(key), "artifact");
      case STARTED -> {}
    }
    index.delete(key);
    artifacts.completeDelete(key);
  }
}
