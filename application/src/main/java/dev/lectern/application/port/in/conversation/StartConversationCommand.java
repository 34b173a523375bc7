package dev.lectern.application.port.in.conversation;

import java.util.Objects;

/**
 * Input of {@link StartConversationUseCase}.
 *
 * @param name the conversation's name; null for the default
 * @param userId the caller's own name for whoever talks, or null
 * @param anonymous whether the caller has no token (a public assistant's): the conversation counts
 *     against the assistant's quota of anonymous ones
 */
public record StartConversationCommand(
    String orgId, String assistantId, String name, String userId, boolean anonymous) {
  public StartConversationCommand {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(assistantId, "assistantId");
  }

  /** A conversation of a caller with a token. */
  public StartConversationCommand(String orgId, String assistantId, String name, String userId) {
    this(orgId, assistantId, name, userId, false);
  }
}
