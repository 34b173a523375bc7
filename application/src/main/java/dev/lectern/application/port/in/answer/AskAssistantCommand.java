package dev.lectern.application.port.in.answer;

import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.Role;
import java.util.List;
import java.util.Objects;

/**
 * Input of {@link AskAssistantUseCase}: a conversation the client keeps itself, answered by an
 * assistant with its own prompt, collections and settings.
 *
 * @param messages oldest first; the last one is the user's question
 * @param maxTokens a limit on the answer, or null for the assistant's own
 * @param temperature a sampling temperature, or null for the assistant's own
 * @param frame how the answer is put together; null for the model's reply as it is
 */
public record AskAssistantCommand(
    String orgId,
    String assistantId,
    List<ModelMessage> messages,
    Integer maxTokens,
    Double temperature,
    AnswerFrame frame) {
  public AskAssistantCommand {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(assistantId, "assistantId");
    messages = List.copyOf(messages);
    if (messages.isEmpty() || messages.getLast().role() != Role.USER) {
      throw new IllegalArgumentException("the last message must be the user's");
    }
    if (messages.getLast().text().isBlank()) {
      throw new IllegalArgumentException("the question must not be blank");
    }
    frame = frame == null ? AnswerFrame.MODEL : frame;
  }

  /** A conversation answered by the model's reply as it is. */
  public AskAssistantCommand(
      String orgId,
      String assistantId,
      List<ModelMessage> messages,
      Integer maxTokens,
      Double temperature) {
    this(orgId, assistantId, messages, maxTokens, temperature, AnswerFrame.MODEL);
  }

  public String question() {
    return messages.getLast().text();
  }
}
