package dev.lectern.domain.collection;

import java.time.Instant;
import java.util.Objects;

/**
 * Entity: a unit of isolation and retrieval, with its catalogue entry (the RAGFlow dataset view).
 *
 * @param chunkTokens the hard cap, in cl100k_base tokens, of the chunks its artifacts are split
 *     into when indexed
 */
public record Collection(
    String orgId,
    CollectionId id,
    String name,
    Language language,
    int chunkTokens,
    Instant createdAt,
    Instant updatedAt,
    DatasetProfile profile) {

  public static final int DEFAULT_CHUNK_TOKENS = 512;

  public Collection {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(profile, "profile");
    if (chunkTokens < 1) {
      throw new IllegalArgumentException("chunkTokens must be positive");
    }
  }

  /** A collection with the default catalogue settings, as Zylon creates them implicitly. */
  public Collection(
      String orgId,
      CollectionId id,
      String name,
      Language language,
      int chunkTokens,
      Instant createdAt) {
    this(orgId, id, name, language, chunkTokens, createdAt, createdAt, DatasetProfile.DEFAULT);
  }

  /** This collection under another name, as when its name was already taken. */
  public Collection withName(String newName) {
    return new Collection(orgId, id, newName, language, chunkTokens, createdAt, updatedAt, profile);
  }
}
