package dev.lectern.application.fakes;

import dev.lectern.application.port.out.DocumentStore;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.DocumentEntry;
import dev.lectern.domain.collection.CollectionId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Fake: document entries in insertion order. */
public final class InMemoryDocumentStore implements DocumentStore {
  private final Map<ArtifactKey, DocumentEntry> entries = new LinkedHashMap<>();

  @Override
  public synchronized Optional<DocumentEntry> find(ArtifactKey key) {
    return Optional.ofNullable(entries.get(key));
  }

  @Override
  public synchronized List<DocumentEntry> list(String orgId, CollectionId collectionId) {
    return entries.values().stream()
        .filter(e -> inCollection(e.key(), orgId, collectionId))
        .toList();
  }

  @Override
  public synchronized boolean insert(DocumentEntry entry) {
    if (entries.containsKey(entry.key()) || nameTaken(entry)) {
      return false;
    }
    entries.put(entry.key(), entry);
    return true;
  }

  @Override
  public synchronized boolean update(DocumentEntry entry) {
    if (nameTaken(entry)) {
      return false;
    }
    entries.replace(entry.key(), entry);
    return true;
  }

  @Override
  public synchronized void delete(ArtifactKey key) {
    entries.remove(key);
  }

  @Override
  public synchronized void deleteCollection(String orgId, CollectionId collectionId) {
    entries.keySet().removeIf(k -> inCollection(k, orgId, collectionId));
  }

  @Override
  public synchronized Set<String> referencedBlobs() {
    Set<String> hashes = new HashSet<>();
    entries.values().forEach(e -> hashes.add(e.source().hex()));
    return hashes;
  }

  private boolean nameTaken(DocumentEntry entry) {
    return entries.values().stream()
        .anyMatch(
            e ->
                !e.key().equals(entry.key())
                    && inCollection(e.key(), entry.key().orgId(), entry.key().collectionId())
                    && e.name().equals(entry.name()));
  }

  private static boolean inCollection(ArtifactKey key, String orgId, CollectionId collectionId) {
    return key.orgId().equals(orgId) && key.collectionId().equals(collectionId);
  }
}
