package dev.lectern.application.port.in.artifact;

import dev.lectern.domain.artifact.ArtifactKey;

/** Use case: deleting an artifact with its chunks; durable when it returns. */
public interface DeleteArtifactUseCase {
  void delete(ArtifactKey key);
}
