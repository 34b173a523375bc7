package dev.lectern.adapters.lucene;

import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.collection.CollectionId;

/**
 * Encodes artifact addresses as index terms. Parts are length-prefixed, so any character may appear
 * in an id without two addresses ever sharing a term.
 */
final class IndexKeys {
  private IndexKeys() {}

  static String collection(String orgId, CollectionId collectionId) {
    return part(orgId) + part(collectionId.value());
  }

  static String artifact(ArtifactKey key) {
    return collection(key.orgId(), key.collectionId()) + part(key.artifactId().value());
  }

  static String version(ArtifactKey key, long version) {
    return artifact(key) + part(Long.toString(version));
  }

  /** A collection and an artifact in it (the org is known from the query). */
  static String match(CollectionId collectionId, ArtifactId artifactId) {
    return part(collectionId.value()) + part(artifactId.value());
  }

  /** Reverses {@link #match}. */
  static ArtifactKey parseMatch(String orgId, String term) {
    String[] parts = parts(term, 2);
    return new ArtifactKey(orgId, new CollectionId(parts[0]), new ArtifactId(parts[1]));
  }

  /** Reverses {@link #version}: the artifact and the version. */
  static Versioned parseVersion(String term) {
    String[] parts = parts(term, 4);
    ArtifactKey key =
        new ArtifactKey(parts[0], new CollectionId(parts[1]), new ArtifactId(parts[2]));
    return new Versioned(key, Long.parseLong(parts[3]));
  }

  record Versioned(ArtifactKey key, long version) {}

  private static String[] parts(String term, int count) {
    String[] parts = new String[count];
    int at = 0;
    for (int i = 0; i < count; i++) {
      int colon = term.indexOf(':', at);
      int length = Integer.parseInt(term.substring(at, colon));
      parts[i] = term.substring(colon + 1, colon + 1 + length);
      at = colon + 1 + length;
    }
    return parts;
  }

  private static String part(String value) {
    return value.length() + ":" + value;
  }
}
