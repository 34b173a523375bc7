package dev.lectern.application.port.in.dataset;

import dev.lectern.domain.collection.Collection;

/**
 * Use case: store new settings for an existing collection. Fails with a conflict when the name is
 * taken by another collection, or when the embedding model changes while chunks exist.
 */
public interface UpdateDatasetUseCase {
  DatasetView update(Collection changed);
}
