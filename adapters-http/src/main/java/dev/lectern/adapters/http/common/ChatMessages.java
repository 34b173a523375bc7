package dev.lectern.adapters.http.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI-style chat {@code messages} as a client sends its conversation: the user and assistant
 * turns, oldest first, and the client's system messages apart; other roles are left out. Refused,
 * naming {@code messages}: no list or an empty one, a content that is neither a string nor a list
 * of text parts, and a conversation whose last turn is not the user's or has no text.
 *
 * @param turns user and assistant messages, the user's question last
 * @param system the text of the client's system messages, in order
 */
public record ChatMessages(List<ModelMessage> turns, List<String> system) {
  /** What a dialect says when the messages are missing and when the last is not the user's. */
  public record Wording(String none, String lastNotUsers) {}

  public static ChatMessages read(JsonNode given, Wording wording) {
    if (given == null || !given.isArray() || given.isEmpty()) {
      throw new InvalidRequest(wording.none(), "messages");
    }
    List<ModelMessage> turns = new ArrayList<>();
    List<String> system = new ArrayList<>();
    for (JsonNode message : given) {
      String role = message.path("role").asText("");
      if (!role.equals("user") && !role.equals("assistant") && !role.equals("system")) {
        continue;
      }
      String content = MessageContent.text(message.get("content"));
      if (content == null) {
        throw new InvalidRequest(
            "messages[].content must be a string or a list of text parts", "messages");
      }
      switch (role) {
        case "user" -> turns.add(ModelMessage.user(content));
        case "assistant" -> turns.add(ModelMessage.assistant(content));
        default -> system.add(content);
      }
    }
    if (turns.isEmpty()
        || turns.getLast().role() != Role.USER
        || turns.getLast().text().isBlank()) {
      throw new InvalidRequest(wording.lastNotUsers(), "messages");
    }
    return new ChatMessages(List.copyOf(turns), List.copyOf(system));
  }
}
