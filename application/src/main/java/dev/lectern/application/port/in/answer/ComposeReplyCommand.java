package dev.lectern.application.port.in.answer;

import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.ModelSettings;
import dev.lectern.domain.conversation.ModelTool;
import dev.lectern.domain.conversation.ToolChoice;
import java.util.List;
import java.util.Objects;

/**
 * Input of {@link ComposeReplyUseCase}: a conversation the client keeps itself (no assistant,
 * nothing stored), as the Messages and chat-completions APIs send it.
 *
 * @param model a configured model's name, or null for the default
 * @param system the client's system prompt, or null
 * @param messages oldest first; the last one is answered (or, when it is the assistant's,
 *     continued)
 * @param toolChoice whether the model must call one of the tools
 * @param knowledge what to retrieve for the last user message, or null for nothing
 */
public record ComposeReplyCommand(
    String orgId,
    String model,
    String system,
    List<ModelMessage> messages,
    ModelSettings settings,
    List<ModelTool> tools,
    ToolChoice toolChoice,
    KnowledgeScope knowledge) {
  public ComposeReplyCommand {
    Objects.requireNonNull(orgId, "orgId");
    messages = List.copyOf(messages);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("messages must not be empty");
    }
    tools = tools == null ? List.of() : List.copyOf(tools);
    toolChoice = toolChoice == null ? ToolChoice.AUTO : toolChoice;
  }
}
