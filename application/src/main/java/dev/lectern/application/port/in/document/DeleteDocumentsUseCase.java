package dev.lectern.application.port.in.document;

import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.collection.CollectionId;
import java.util.List;

/** Use case: delete documents with their chunks; the ones that exist are deleted. */
public interface DeleteDocumentsUseCase {
  /**
   * Deletes the listed documents, or every document of the collection for null.
   *
   * @return the ids that named no document
   */
  List<ArtifactId> delete(String orgId, CollectionId collectionId, List<ArtifactId> ids);
}
