package dev.lectern.application.service.artifact;

import dev.lectern.application.port.in.artifact.ListArtifactsUseCase;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.collection.CollectionId;

/** Service: lists the populated artifacts of an existing collection. */
public final class ListArtifactsService implements ListArtifactsUseCase {
  private final ArtifactSelection selection;

  public ListArtifactsService(ArtifactSelection selection) {
    this.selection = selection;
  }

  @Override
  public Iterable<Artifact> list(String orgId, CollectionId collectionId) {
    return selection.all(orgId, collectionId);
  }
}
