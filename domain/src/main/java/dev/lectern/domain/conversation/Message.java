package dev.lectern.domain.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Entity: one message of a conversation, a node of its tree: a message answers its parent, and
 * several messages may answer the same parent (branches).
 *
 * @param parentId the message this one follows; null for the first of the conversation
 * @param complete false for an answer whose stream was cut: it holds what was written before
 * @param inputTokens what producing an assistant message read (0 for others)
 * @param outputTokens what it wrote
 */
public record Message(
    String id,
    String conversationId,
    String parentId,
    Role role,
    String content,
    List<Reference> references,
    boolean complete,
    int inputTokens,
    int outputTokens,
    Instant createdAt) {

  /** The most characters a message holds. */
  public static final int MAX_CONTENT_LENGTH = 10_000_000;

  public Message {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(role, "role");
    content = content == null ? "" : content;
    references = references == null ? List.of() : List.copyOf(references);
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
