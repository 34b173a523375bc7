package dev.lectern.application.port.in.conversation;

import java.util.Objects;

/**
 * Input of {@link StartConversationUseCase}.
 *
 * @param name the conversation's name; null for the default
 * @param userId the caller's own name for whoever talks, or null
 */
public record StartConversationCommand(
    String orgId, String assistantId, String name, String userId) {
  public StartConversationCommand {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(assistantId, "assistantId");
  }
}
