package dev.lectern.domain.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * Entity: a conversation with an assistant.
 *
 * @param userId the caller's own name for whoever talks (a dialect's user id), or null
 */
public record Conversation(
    String orgId,
    String id,
    String assistantId,
    String name,
    String userId,
    Instant createdAt,
    Instant updatedAt) {

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
}
