package dev.lectern.application.port.in.artifact;

import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.collection.CollectionId;
import java.util.List;

/** Use case: listing the populated artifacts of a collection. */
public interface ListArtifactsUseCase {
  List<Artifact> list(String orgId, CollectionId collectionId);
}
