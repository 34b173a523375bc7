package dev.lectern.adapters.http.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.domain.conversation.FinishReason;

/**
 * OpenAI's {@code usage} ({@code prompt_tokens, completion_tokens, total_tokens}), {@code
 * finish_reason}, and the chunk that ends a stream whose request asked for its usage.
 */
public final class OpenAiUsage {
  private OpenAiUsage() {}

  /** An answer's usage. */
  public static ObjectNode of(Answer answer) {
    return of(answer.inputTokens(), answer.outputTokens());
  }

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

  /**
   * Whether a streamed request asked for its usage ({@code stream_options.include_usage} true);
   * anything else asks for none. RAGFlow's endpoints read it so, leniently, as RAGFlow reads
   * unknown fields; Timeweb's OpenAI-compatible one checks its type first, as OpenAI does.
   */
  public static boolean asked(JsonNode streamOptions) {
    JsonNode include = streamOptions == null ? null : streamOptions.get("include_usage");
    return include != null && include.isBoolean() && include.booleanValue();
  }

  /**
   * The chunk OpenAI sends after the last choice when the usage was asked for: {@code chunk}'s
   * fields, no choices, the usage. OpenAI's SDKs read it as the stream's usage.
   */
  public static ObjectNode chunk(ObjectNode chunk, ObjectNode usage) {
    ObjectNode node = Json.object();
    chunk
        .properties()
        .forEach(
            field -> {
              if (field.getKey().equals("choices")) {
                node.putArray("choices");
              } else {
                node.set(field.getKey(), field.getValue());
              }
            });
    node.set("usage", usage);
    return node;
  }
}
