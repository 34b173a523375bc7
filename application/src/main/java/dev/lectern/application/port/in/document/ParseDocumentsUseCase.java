package dev.lectern.application.port.in.document;

import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.collection.CollectionId;
import java.util.List;

/**
 * Use case: (re)parse documents in the background: their chunks are dropped and a parse task is
 * queued for each. A document being parsed is refused with a conflict.
 */
public interface ParseDocumentsUseCase {
  /**
   * Queues a parse of each listed document that exists.
   *
   * @return the ids that named no document
   */
  List<ArtifactId> parse(String orgId, CollectionId collectionId, List<ArtifactId> ids);
}
