package dev.lectern.application.port.out;

import dev.lectern.domain.collection.Collection;
import dev.lectern.domain.collection.CollectionId;
import java.util.List;
import java.util.Optional;

/**
 * Port: persistence of collections and their catalogue entries, always inside one org. Names are
 * unique per org without regard to case.
 */
public interface CollectionStore {
  Optional<Collection> find(String orgId, CollectionId id);

  /** Every collection of the org, oldest first. */
  List<Collection> list(String orgId);

  /**
   * Returns the existing collection with that id, or stores {@code candidate} (renaming it {@code
   * name(1)}, {@code name(2)}, … when its name is taken in the org) and returns what was stored.
   */
  Collection findOrCreate(Collection candidate);

  /**
   * Stores new settings for an existing collection.
   *
   * @return false when another collection of the org already has that name (in any case)
   */
  boolean update(Collection changed);

  /** Removes the collection's catalogue entry; its artifacts must be gone already. */
  void delete(String orgId, CollectionId id);
}
