package dev.lectern.application.port.in.dataset;

import dev.lectern.domain.collection.CollectionId;
import java.util.List;
import java.util.Optional;

/** Use case: the org's collections with their counts, oldest first; or one of them. */
public interface ListDatasetsUseCase {
  List<DatasetView> list(String orgId);

  Optional<DatasetView> find(String orgId, CollectionId id);

  /** Whether the org has the collection; cheaper than {@link #find}, which counts its content. */
  boolean exists(String orgId, CollectionId id);
}
