package dev.lectern.application.fakes;

import dev.lectern.application.port.out.CollectionStore;
import dev.lectern.domain.collection.Collection;
import dev.lectern.domain.collection.CollectionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Fake: collections in a list. */
public final class InMemoryCollectionStore implements CollectionStore {
  private final List<Collection> collections = new ArrayList<>();

  @Override
  public synchronized Optional<Collection> find(String orgId, CollectionId id) {
    return collections.stream()
        .filter(c -> c.orgId().equals(orgId) && c.id().equals(id))
        .findFirst();
  }

  @Override
  public synchronized List<Collection> list(String orgId) {
    return collections.stream().filter(c -> c.orgId().equals(orgId)).toList();
  }

  @Override
  public synchronized Collection findOrCreate(Collection candidate) {
    Optional<Collection> existing = find(candidate.orgId(), candidate.id());
    if (existing.isPresent()) {
      return existing.get();
    }
    String name = candidate.name();
    for (int n = 1; nameTaken(candidate.orgId(), name, null); n++) {
      name = candidate.name() + "(" + n + ")";
    }
    Collection stored = candidate.withName(name);
    collections.add(stored);
    return stored;
  }

  @Override
  public synchronized boolean update(Collection changed) {
    if (nameTaken(changed.orgId(), changed.name(), changed.id())) {
      return false;
    }
    collections.replaceAll(
        c -> c.orgId().equals(changed.orgId()) && c.id().equals(changed.id()) ? changed : c);
    return true;
  }

  @Override
  public synchronized void delete(String orgId, CollectionId id) {
    collections.removeIf(c -> c.orgId().equals(orgId) && c.id().equals(id));
  }

  private boolean nameTaken(String orgId, String name, CollectionId except) {
    String key = name.toLowerCase(Locale.ROOT);
    return collections.stream()
        .anyMatch(
            c ->
                c.orgId().equals(orgId)
                    && !c.id().equals(except)
                    && c.name().toLowerCase(Locale.ROOT).equals(key));
  }
}
