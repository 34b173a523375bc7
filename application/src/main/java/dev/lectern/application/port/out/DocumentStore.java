package dev.lectern.application.port.out;

import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.DocumentEntry;
import dev.lectern.domain.collection.CollectionId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Port: catalogue entries of uploaded documents, always inside one org and collection. */
public interface DocumentStore {
  Optional<DocumentEntry> find(ArtifactKey key);

  /** The collection's entries, oldest first. */
  List<DocumentEntry> list(String orgId, CollectionId collectionId);

  /**
   * Stores a new entry.
   *
   * @return false when the collection already has an entry with that exact name
   */
  boolean insert(DocumentEntry entry);

  /**
   * Replaces an existing entry.
   *
   * @return false when another entry of the collection already has the new name
   */
  boolean update(DocumentEntry entry);

  void delete(ArtifactKey key);

  void deleteCollection(String orgId, CollectionId collectionId);

  /** Hashes of the original files of every entry, across all orgs. */
  Set<String> referencedBlobs();
}
