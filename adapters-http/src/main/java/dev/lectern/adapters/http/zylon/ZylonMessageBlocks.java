package dev.lectern.adapters.http.zylon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.Role;
import dev.lectern.domain.conversation.ToolCall;
import dev.lectern.domain.text.TextLimits;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The content blocks of a Messages conversation as the messages a model reads: text, an assistant's
 * {@code tool_use} blocks as its tool calls, a user's {@code tool_result} blocks as tool messages.
 * Checks what Zylon checks: tool use only from the assistant, ids unique and well-formed, every
 * result answering a known use and every use answered.
 */
final class ZylonMessageBlocks {
  private static final Pattern TOOL_USE_ID = Pattern.compile("[A-Za-z0-9_-]+");

  private final List<ModelMessage> messages = new ArrayList<>();
  private final Set<String> uses = new LinkedHashSet<>();
  private final Set<String> results = new LinkedHashSet<>();

  /**
   * Reads one message's content and adds what the model sees of it (nothing for a system one);
   * returns its text.
   */
  String read(JsonNode content, String where, String role) {
    if (content != null && content.isTextual()) {
      if (content.textValue().isEmpty()) {
        throw new InvalidRequest(where + ".content: must not be empty", where + ".content");
      }
      add(role, content.textValue(), List.of());
      return content.textValue();
    }
    if (content == null || !content.isArray() || content.isEmpty()) {
      throw new InvalidRequest(
          where + ".content: must be a non-empty string or list of blocks", where + ".content");
    }
    StringBuilder text = new StringBuilder();
    List<ToolCall> calls = new ArrayList<>();
    for (int j = 0; j < content.size(); j++) {
      JsonNode block = content.get(j);
      String at = where + ".content[" + j + "]";
      String type = block.path("type").asText("");
      switch (type) {
        case "text" -> {
          if (!block.path("text").isTextual()) {
            throw new InvalidRequest(at + ".text: must be a string", at + ".text");
          }
          text.append(text.isEmpty() ? "" : "\n").append(block.get("text").textValue());
        }
        case "tool_use" -> calls.add(toolUse(block, at, role));
        case "tool_result" -> toolResult(block, at, role, calls);
        default ->
            throw new InvalidRequest(
                at + ".type: unsupported block type '" + type + "'", at + ".type");
      }
    }
    add(role, text.toString(), calls);
    return text.toString();
  }

  List<ModelMessage> messages() {
    return List.copyOf(messages);
  }

  /** Every tool use has its result (Zylon refuses a conversation where one is left open). */
  void checkResultsAnswerEveryUse() {
    Set<String> open = new LinkedHashSet<>(uses);
    open.removeAll(results);
    if (!open.isEmpty()) {
      throw new InvalidRequest(
          "messages: every tool use needs a tool_result; none answers " + String.join(", ", open),
          "messages");
    }
  }

  private void add(String role, String text, List<ToolCall> calls) {
    switch (role) {
      case "user" -> {
        if (!text.isEmpty()) {
          messages.add(ModelMessage.user(text));
        }
      }
      case "assistant" -> {
        if (!text.isEmpty() || !calls.isEmpty()) {
          messages.add(new ModelMessage(Role.ASSISTANT, text, calls, null));
        }
      }
      default -> {
        // a system message goes to the system prompt
      }
    }
  }

  private ToolCall toolUse(JsonNode block, String at, String role) {
    if (!role.equals("assistant")) {
      throw new InvalidRequest(at + ": Tool use blocks can only be used in assistant messages", at);
    }
    String id = block.path("id").asText("");
    if (!TOOL_USE_ID.matcher(id).matches()) {
      throw new InvalidRequest(
          at + ".id: must be letters, digits, '_' or '-', got '" + TextLimits.cut(id, 100) + "'",
          at + ".id");
    }
    if (!block.path("name").isTextual() || block.get("name").textValue().isEmpty()) {
      throw new InvalidRequest(at + ".name: Field required", at + ".name");
    }
    JsonNode input = block.get("input");
    if (input != null && !input.isObject()) {
      throw new InvalidRequest(at + ".input: must be an object", at + ".input");
    }
    if (!uses.add(id)) {
      throw new InvalidRequest(at + ".id: Duplicate tool use ID '" + id + "'", at + ".id");
    }
    return new ToolCall(id, block.get("name").textValue(), input == null ? "{}" : input.toString());
  }

  /**
   * A user's result of a client tool becomes a tool message. In an assistant message, a result of
   * that message's own tool use is a tool the server ran (as Lectern's search replies show it): the
   * pair is history the model needs no part of.
   */
  private void toolResult(JsonNode block, String at, String role, List<ToolCall> calls) {
    String id = block.path("tool_use_id").asText("");
    boolean serverRun =
        role.equals("assistant") && calls.stream().anyMatch(call -> call.id().equals(id));
    if (!role.equals("user") && !serverRun) {
      throw new InvalidRequest(at + ": Tool result blocks can only be used in user messages", at);
    }
    if (!uses.contains(id)) {
      throw new InvalidRequest(
          at + ".tool_use_id: unknown tool use ID '" + id + "'", at + ".tool_use_id");
    }
    if (!results.add(id)) {
      throw new InvalidRequest(
          at + ".tool_use_id: a second tool_result for '" + id + "'", at + ".tool_use_id");
    }
    if (serverRun) {
      calls.removeIf(call -> call.id().equals(id));
      return;
    }
    String text = resultText(block.get("content"), at + ".content");
    if (block.path("is_error").asBoolean(false)) {
      text = "Error: " + text;
    }
    messages.add(new ModelMessage(Role.TOOL, text, List.of(), id));
  }

  private static String resultText(JsonNode content, String at) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.textValue();
    }
    if (!content.isArray()) {
      throw new InvalidRequest(at + ": must be a string or a list of blocks", at);
    }
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < content.size(); k++) {
      JsonNode part = content.get(k);
      if ("text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
        text.append(text.isEmpty() ? "" : "\n").append(part.get("text").textValue());
      } else if (!"source".equals(part.path("type").asText())) {
        throw new InvalidRequest(
            at + "[" + k + "].type: a tool result holds text blocks", at + "[" + k + "].type");
      }
    }
    return text.toString();
  }
}
