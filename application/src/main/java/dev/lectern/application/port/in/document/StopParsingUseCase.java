package dev.lectern.application.port.in.document;

import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.collection.CollectionId;
import java.util.List;

/**
 * Use case: stop parsing documents: their tasks are cancelled, their state becomes CANCELLED with
 * progress 0, and no chunks remain. Stops at the first id that names no document ({@link
 * dev.lectern.application.error.NotFound} with the id as subject); a document whose progress is 0
 * or 1 is refused with a conflict.
 */
public interface StopParsingUseCase {
  void stop(String orgId, CollectionId collectionId, List<ArtifactId> ids);
}
