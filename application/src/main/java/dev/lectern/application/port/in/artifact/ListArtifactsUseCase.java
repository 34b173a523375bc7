package dev.lectern.application.port.in.artifact;

import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.collection.CollectionId;

/**
 * Use case: listing the populated artifacts of a collection, oldest first; an unknown collection is
 * refused at once, and the artifacts are read page by page as the result is iterated.
 */
public interface ListArtifactsUseCase {
  Iterable<Artifact> list(String orgId, CollectionId collectionId);
}
