package dev.lectern.adapters.http.aiflowy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.adapters.http.common.ChatMessages;
import dev.lectern.adapters.http.common.JsonFields;
import dev.lectern.domain.conversation.ModelMessage;
import java.util.List;

/**
 * A request to AIFlowy's {@code /v1/chat/completions}: the whole conversation (the server keeps
 * none), the client's own system messages, and the sampling that overrides the bot's. {@code model}
 * is ignored: the bot's model answers.
 *
 * @param messages user and assistant messages, oldest first; roles AIFlowy does not know are left
 *     out
 * @param system the client's system messages, which go after the bot's prompt
 */
record AiflowyRequest(
    List<ModelMessage> messages,
    List<String> system,
    Integer maxTokens,
    Double temperature,
    boolean stream) {

  static final String NO_MESSAGES = "messages can not be null or empty";

  /** The longest answer a request may ask for, in tokens. */
  private static final int MAX_TOKENS = 1_000_000;

  static AiflowyRequest read(JsonFields body) {
    // AIFlowy drops the roles it does not know.
    ChatMessages messages =
        ChatMessages.read(
            body.raw("messages"),
            new ChatMessages.Wording(
                NO_MESSAGES, "the last message must be the user's, with content"));
    JsonNode stream = body.raw("stream");
    return new AiflowyRequest(
        messages.turns(),
        messages.system(),
        body.optionalInt("max_tokens", 1, MAX_TOKENS).orElse(null),
        body.optionalDouble("temperature", 0, 2).orElse(null),
        stream != null && stream.isBoolean() && stream.booleanValue());
  }
}
