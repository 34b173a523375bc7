package dev.lectern.adapters.http.common;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAI's {@code usage}: {@code prompt_tokens, completion_tokens, total_tokens}. */
public final class OpenAiUsage {
  private OpenAiUsage() {}

  public static ObjectNode of(int prompt, int completion) {
    ObjectNode usage = Json.object();
    usage.put("prompt_tokens", prompt);
    usage.put("completion_tokens", completion);
    usage.put("total_tokens", prompt + completion);
    return usage;
  }
}
