package dev.lectern.application.port.out;

import dev.lectern.domain.collection.Collection;
import dev.lectern.domain.collection.CollectionId;
import java.util.Optional;

/** Port: persistence of collections and their catalogue entries, always inside one org. */
public interface CollectionStore {
  Optional<Collection> find(String orgId, CollectionId id);

  /**
   * Returns the existing collection with that id, or stores {@code candidate} (renaming it {@code
   * name(1)}, {@code name(2)}, … when its name is taken in the org) and returns what was stored.
   */
  Collection findOrCreate(Collection candidate);
}
