package dev.lectern.domain.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * Entity: a conversation with an assistant.
 *
 * @param userId the caller's own name for whoever talks (a dialect's user id), or null
 * @param anonymous whether it was started by a caller without a token (of a public assistant): such
 *     conversations are kept within the assistant's quota, the least recently used going first
 * @param storedBytes what its messages take in the store (their text and references, in UTF-8)
 */
public record Conversation(
    String orgId,
    String id,
    String assistantId,
    String name,
    String userId,
    Instant createdAt,
    Instant updatedAt,
    boolean anonymous,
    long storedBytes) {

  public static final String DEFAULT_NAME = "New conversation";
  public static final int MAX_NAME_LENGTH = 255;

  public Conversation {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(assistantId, "assistantId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A conversation of a caller with a token, its size not yet known. */
  public Conversation(
      String orgId,
      String id,
      String assistantId,
      String name,
      String userId,
      Instant createdAt,
      Instant updatedAt) {
    this(orgId, id, assistantId, name, userId, createdAt, updatedAt, false, 0);
  }
}
