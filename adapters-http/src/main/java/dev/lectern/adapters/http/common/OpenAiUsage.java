package dev.lectern.adapters.http.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.domain.conversation.FinishReason;

/**
 * OpenAI's {@code usage} ({@code prompt_tokens, completion_tokens, total_tokens}) and {@code
 * finish_reason}.
 */
public final class OpenAiUsage {
  private OpenAiUsage() {}

  public static ObjectNode of(int prompt, int completion) {
    ObjectNode usage = Json.object();
    usage.put("prompt_tokens", prompt);
    usage.put("completion_tokens", completion);
    usage.put("total_tokens", prompt + completion);
    return usage;
  }

  /** How OpenAI says an answer ended: {@code length} when it was cut for it, else as it ended. */
  public static String finishReason(FinishReason reason) {
    return switch (reason) {
      case LENGTH -> "length";
      case CONTENT_FILTER -> "content_filter";
      default -> "stop";
    };
  }
}
