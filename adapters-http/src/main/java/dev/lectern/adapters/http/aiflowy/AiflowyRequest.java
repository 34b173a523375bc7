package dev.lectern.adapters.http.aiflowy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.adapters.http.common.JsonFields;
import dev.lectern.adapters.http.common.MessageContent;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.port.out.ModelMessage;
import dev.lectern.domain.conversation.Role;
import java.util.ArrayList;
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
    JsonNode given = body.raw("messages");
    if (given == null || !given.isArray() || given.isEmpty()) {
      throw new InvalidRequest(NO_MESSAGES, "messages");
    }
    List<ModelMessage> messages = new ArrayList<>();
    List<String> system = new ArrayList<>();
    for (JsonNode message : given) {
      String role = message.path("role").asText("");
      if (!role.equals("user") && !role.equals("assistant") && !role.equals("system")) {
        continue; // AIFlowy drops the roles it does not know.
      }
      String content = MessageContent.text(message.get("content"));
      if (content == null) {
        throw new InvalidRequest(
            "messages[].content must be a string or a list of text parts", "messages");
      }
      switch (role) {
        case "user" -> messages.add(ModelMessage.user(content));
        case "assistant" -> messages.add(ModelMessage.assistant(content));
        default -> system.add(content);
      }
    }
    if (messages.isEmpty()
        || messages.getLast().role() != Role.USER
        || messages.getLast().text().isBlank()) {
      throw new InvalidRequest("the last message must be the user's, with content", "messages");
    }
    JsonNode stream = body.raw("stream");
    return new AiflowyRequest(
        messages,
        system,
        body.optionalInt("max_tokens", 1, MAX_TOKENS).orElse(null),
        body.optionalDouble("temperature", 0, 2).orElse(null),
        stream != null && stream.isBoolean() && stream.booleanValue());
  }
}
