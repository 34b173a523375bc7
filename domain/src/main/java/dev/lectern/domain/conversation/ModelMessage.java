package dev.lectern.domain.conversation;

import dev.lectern.domain.text.WellFormed;
import java.util.List;
import java.util.Objects;

/**
 * Value: one message of the conversation a model is shown.
 *
 * @param toolCalls the tools an assistant message asked for (empty otherwise)
 * @param toolCallId for a {@code TOOL} message, the call it answers
 */
public record ModelMessage(Role role, String text, List<ToolCall> toolCalls, String toolCallId) {
  public ModelMessage {
    Objects.requireNonNull(role, "role");
    // A model never sees unpaired surrogates (which encoders refuse); they become U+FFFD.
    text = text == null ? "" : WellFormed.text(text);
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  public static ModelMessage user(String text) {
    return new ModelMessage(Role.USER, text, List.of(), null);
  }

  public static ModelMessage assistant(String text) {
    return new ModelMessage(Role.ASSISTANT, text, List.of(), null);
  }

  /** The text of the last user message that says something, or null when there is none. */
  public static String lastQuestion(List<ModelMessage> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      ModelMessage message = messages.get(i);
      if (message.role() == Role.USER && !message.text().isBlank()) {
        return message.text();
      }
    }
    return null;
  }
}
