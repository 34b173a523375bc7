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
    Instant createdAt) {

  public static final int DEFAULT_CHUNK_TOKENS = 512;

  /** This collection under another name, as when its name was already taken. */
  public Collection withName(String newName) {
    return new Collection(orgId, id, newName, language, chunkTokens, createdAt);
  }

  public Collection {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(createdAt, "createdAt");
    if (chunkTokens < 1) {
      throw new IllegalArgumentException("chunkTokens must be positive");
    }
  }
}
