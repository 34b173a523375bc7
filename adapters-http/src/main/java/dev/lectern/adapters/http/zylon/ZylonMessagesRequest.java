package dev.lectern.adapters.http.zylon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.JsonFields;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.port.out.ModelMessage;
import dev.lectern.application.port.out.ModelSettings;
import dev.lectern.application.port.out.ModelTool;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code /v1/messages} body read and checked in the order Zylon checks it: messages (system-role
 * messages moved into the system prompt), system in each of its forms, sampling, tools and their
 * context. Every refusal names the field.
 *
 * @param searchTool the name of the {@code semantic_search_v1} tool, or null
 * @param searchContext the {@code ingested_artifact} context of the search tool, or null
 * @param zylonMode whether {@code system.extensions} holds {@code "zylon"} (source blocks shown)
 */
record ZylonMessagesRequest(
    String system,
    List<ModelMessage> messages,
    ModelSettings settings,
    List<ModelTool> clientTools,
    String searchTool,
    JsonFields searchContext,
    boolean zylonMode,
    boolean stream) {

  static final String SEARCH_TYPE = "semantic_search_v1";

  static ZylonMessagesRequest read(JsonFields body) {
    JsonNode rawMessages = body.raw("messages");
    if (rawMessages == null || !rawMessages.isArray()) {
      throw new InvalidRequest("messages: Field required, a list of messages", "messages");
    }
    StringBuilder system = new StringBuilder(systemText(body));
    boolean zylon = hasZylonExtension(body.raw("system"));
    List<ModelMessage> messages = new ArrayList<>();
    for (int i = 0; i < rawMessages.size(); i++) {
      JsonNode message = rawMessages.get(i);
      String where = "messages[" + i + "]";
      if (!message.isObject()) {
        throw new InvalidRequest(where + ": must be an object", where);
      }
      String role = message.path("role").asText("");
      String text = content(message.get("content"), where, role);
      switch (role) {
        case "system" -> system.append(system.isEmpty() ? "" : "\n\n").append(text);
        case "user" -> messages.add(ModelMessage.user(text));
        case "assistant" -> messages.add(ModelMessage.assistant(text));
        default ->
            throw new InvalidRequest(
                where + ".role: must be 'user', 'assistant' or 'system'", where + ".role");
      }
    }
    if (messages.isEmpty()) {
      throw new InvalidRequest("messages: Messages cannot be empty", "messages");
    }
    Integer maxTokens =
        body.optionalInt("max_tokens", Integer.MIN_VALUE, Integer.MAX_VALUE).orElse(null);
    ModelSettings settings =
        new ModelSettings(
            body.optionalDouble("temperature", 0, 1).orElse(null),
            body.optionalDouble("top_p", 0, 1).orElse(null),
            maxTokens == null || maxTokens <= 0 ? null : maxTokens,
            body.optionalStrings("stop_sequences"),
            body.optionalDouble("presence_penalty", -2, 2).orElse(null),
            body.optionalDouble("frequency_penalty", -2, 2).orElse(null));
    return tools(body, system.toString(), messages, settings, zylon);
  }

  private static ZylonMessagesRequest tools(
      JsonFields body,
      String system,
      List<ModelMessage> messages,
      ModelSettings settings,
      boolean zylon) {
    List<JsonFields> tools = body.optionalObjects("tools");
    List<JsonFields> context = body.optionalObjects("tool_context");
    if (context != null && !context.isEmpty() && (tools == null || tools.isEmpty())) {
      throw new InvalidRequest(
          "tool_context: Tool context is provided, but no tools are specified", "tool_context");
    }
    Set<String> names = new HashSet<>();
    List<ModelTool> clientTools = new ArrayList<>();
    String search = null;
    for (JsonFields tool : tools == null ? List.<JsonFields>of() : tools) {
      String name = tool.requiredString("name");
      if (!names.add(name)) {
        throw new InvalidRequest(
            "tools: Duplicate tool names are not allowed: '" + name + "'", "tools");
      }
      String type = tool.optionalString("type").orElse("custom");
      if (type.equals(SEARCH_TYPE)) {
        search = name;
      } else if (type.equals("custom")) {
        JsonNode schema =
            tool.raw("input_schema") != null ? tool.raw("input_schema") : tool.raw("inputSchema");
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters =
            schema == null || !schema.isObject() ? null : (Map<String, Object>) Json.toJava(schema);
        clientTools.add(
            new ModelTool(name, tool.optionalString("description").orElse(null), parameters));
      } else {
        throw new InvalidRequest(
            tool.pathOf("type") + ": the tool type '" + type + "' is not supported",
            tool.pathOf("type"));
      }
    }
    String choice = "auto";
    JsonFields toolChoice = body.optionalObject("tool_choice").orElse(null);
    if (toolChoice != null) {
      choice = toolChoice.requiredString("type");
      if (choice.equals("tool")) {
        String wanted = toolChoice.requiredString("name");
        if (!names.contains(wanted)) {
          throw new InvalidRequest(
              "tool_choice.name: the tool '" + wanted + "' is not among the tools",
              "tool_choice.name");
        }
      } else if (!Set.of("auto", "any", "none").contains(choice)) {
        throw new InvalidRequest(
            "tool_choice.type: must be 'auto', 'any', 'tool' or 'none'", "tool_choice.type");
      }
    }
    JsonFields searchContext = null;
    if (search != null && !choice.equals("none")) {
      for (JsonFields item : context == null ? List.<JsonFields>of() : context) {
        if ("ingested_artifact".equals(item.optionalString("type").orElse(""))) {
          if (searchContext != null) {
            throw new InvalidRequest(
                "tool_context: only one ingested artifact context may be given", "tool_context");
          }
          searchContext = item;
        }
      }
      if (searchContext == null) {
        throw new InvalidRequest(
            "tool_context: Semantic search tool requires an ingested artifact context.",
            "tool_context");
      }
    }
    return new ZylonMessagesRequest(
        system.isEmpty() ? null : system,
        messages,
        settings,
        choice.equals("none") ? List.of() : clientTools,
        choice.equals("none") ? null : search,
        searchContext,
        zylon,
        body.optionalBoolean("stream").orElse(false));
  }

  /** The system prompt from a string, a list of strings, a System object or text blocks. */
  private static String systemText(JsonFields body) {
    JsonNode system = body.raw("system");
    if (system == null || system.isNull()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode part : system.isArray() ? system : List.of(system)) {
      if (part.isTextual()) {
        parts.add(part.textValue());
      } else if (part.isObject() && (part.get("text") == null || part.get("text").isTextual())) {
        if (part.has("text")) {
          parts.add(part.get("text").textValue());
        }
      } else {
        throw new InvalidRequest(
            "system: must be a string, a list of strings or of system objects", "system");
      }
    }
    return String.join("\n\n", parts);
  }

  private static boolean hasZylonExtension(JsonNode system) {
    if (system == null) {
      return false;
    }
    for (JsonNode part : system.isArray() ? system : List.of(system)) {
      for (JsonNode extension : part.path("extensions")) {
        if ("zylon".equals(extension.asText())) {
          return true;
        }
      }
    }
    return false;
  }

  /** A message's text: a string, or its text blocks joined; other blocks are refused by name. */
  private static String content(JsonNode content, String where, String role) {
    if (content != null && content.isTextual()) {
      if (content.textValue().isEmpty()) {
        throw new InvalidRequest(where + ".content: must not be empty", where + ".content");
      }
      return content.textValue();
    }
    if (content == null || !content.isArray() || content.isEmpty()) {
      throw new InvalidRequest(
          where + ".content: must be a non-empty string or list of blocks", where + ".content");
    }
    StringBuilder text = new StringBuilder();
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
        case "tool_use" -> {
          if (!role.equals("assistant")) {
            throw new InvalidRequest(
                at + ": Tool use blocks can only be used in assistant messages", at);
          }
        }
        case "tool_result" ->
            throw new InvalidRequest(at + ": tool results are not supported yet", at);
        default ->
            throw new InvalidRequest(
                at + ".type: unsupported block type '" + type + "'", at + ".type");
      }
    }
    return text.toString();
  }
}
