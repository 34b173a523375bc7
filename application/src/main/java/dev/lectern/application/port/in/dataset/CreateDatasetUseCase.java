package dev.lectern.application.port.in.dataset;

import dev.lectern.domain.collection.Collection;

/**
 * Use case: register a new collection with its catalogue settings. A name already used in the org
 * (in any case) becomes {@code name(1)}, {@code name(2)}, …
 */
public interface CreateDatasetUseCase {
  DatasetView create(Collection candidate);
}
