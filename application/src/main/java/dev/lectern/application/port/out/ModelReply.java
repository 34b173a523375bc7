package dev.lectern.application.port.out;

import dev.lectern.domain.conversation.FinishReason;
import dev.lectern.domain.conversation.ToolCall;
import java.util.List;
import java.util.Objects;

/** Value: what a model wrote, why it stopped and what it cost. */
public record ModelReply(
    String text, List<ToolCall> toolCalls, FinishReason finishReason, TokenUsage usage) {
  public ModelReply {
    text = text == null ? "" : text;
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    Objects.requireNonNull(finishReason, "finishReason");
    Objects.requireNonNull(usage, "usage");
  }

  /** Tokens read and written. */
  public record TokenUsage(int input, int output) {}
}
