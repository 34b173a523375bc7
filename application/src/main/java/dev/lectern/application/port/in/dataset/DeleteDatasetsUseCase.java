package dev.lectern.application.port.in.dataset;

import dev.lectern.domain.collection.CollectionId;
import java.util.List;

/**
 * Use case: delete collections with their artifacts and chunks, all or nothing: when one id is not
 * the org's, nothing is deleted.
 *
 * @see dev.lectern.application.error.NotFound#subject() the id that was not found
 */
public interface DeleteDatasetsUseCase {
  /** Deletes the listed collections, or every collection of the org for null. */
  void delete(String orgId, List<CollectionId> ids);
}
