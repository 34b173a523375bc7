package dev.lectern.adapters.http.zylon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.JsonFields;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.ModelSettings;
import dev.lectern.domain.conversation.ModelTool;
import dev.lectern.domain.conversation.ToolChoice;
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
 * @param citations whether {@code system.citations.enabled} asks for structured citations
 * @param model the {@code model} the client named
 */
record ZylonMessagesRequest(
    String system,
    List<ModelMessage> messages,
    ModelSettings settings,
    List<ModelTool> clientTools,
    ToolChoice toolChoice,
    String searchTool,
    JsonFields searchContext,
    boolean zylonMode,
    boolean citations,
    String model,
    boolean stream) {

  static final String SEARCH_TYPE = "semantic_search_v1";

  static ZylonMessagesRequest read(JsonFields body) {
    JsonNode rawMessages = body.raw("messages");
    if (rawMessages == null || !rawMessages.isArray()) {
      throw new InvalidRequest("messages: Field required, a list of messages", "messages");
    }
    StringBuilder system = new StringBuilder(systemText(body));
    JsonNode rawSystem = body.raw("system");
    boolean zylon = systemFlag(rawSystem, "extensions");
    ZylonMessageBlocks blocks = new ZylonMessageBlocks();
    for (int i = 0; i < rawMessages.size(); i++) {
      JsonNode message = rawMessages.get(i);
      String where = "messages[" + i + "]";
      if (!message.isObject()) {
        throw new InvalidRequest(where + ": must be an object", where);
      }
      String role = message.path("role").asText("");
      if (!List.of("system", "user", "assistant").contains(role)) {
        throw new InvalidRequest(
            where + ".role: must be 'user', 'assistant' or 'system'", where + ".role");
      }
      String text = blocks.read(message.get("content"), where, role);
      if (role.equals("system")) {
        system.append(system.isEmpty() ? "" : "\n\n").append(text);
      }
    }
    List<ModelMessage> messages = blocks.messages();
    if (messages.isEmpty()) {
      throw new InvalidRequest("messages: Messages cannot be empty", "messages");
    }
    blocks.checkResultsAnswerEveryUse();
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
    return tools(body, system.toString(), messages, settings, zylon, systemFlag(rawSystem, ""));
  }

  private static ZylonMessagesRequest tools(
      JsonFields body,
      String system,
      List<ModelMessage> messages,
      ModelSettings settings,
      boolean zylon,
      boolean citations) {
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
        clientTools.add(
            new ModelTool(
                name, tool.optionalString("description").orElse(null), inputSchema(tool)));
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
    ToolChoice modelChoice = ToolChoice.AUTO;
    if (choice.equals("any") && !clientTools.isEmpty()) {
      modelChoice = new ToolChoice(ToolChoice.Mode.ANY, null);
    } else if (choice.equals("tool") && !toolChoice.requiredString("name").equals(search)) {
      modelChoice = ToolChoice.named(toolChoice.requiredString("name"));
    }
    return new ZylonMessagesRequest(
        system.isEmpty() ? null : system,
        messages,
        settings,
        choice.equals("none") ? List.of() : clientTools,
        modelChoice,
        choice.equals("none") ? null : search,
        searchContext,
        zylon,
        citations,
        body.optionalString("model").orElse(null),
        body.optionalBoolean("stream").orElse(false));
  }

  /**
   * A custom tool's {@code input_schema} (or {@code inputSchema}): absent or null for any object,
   * else a JSON object whose {@code type}, as Anthropic requires, is {@code "object"}.
   */
  private static Map<String, Object> inputSchema(JsonFields tool) {
    String name = tool.has("input_schema") ? "input_schema" : "inputSchema";
    JsonNode schema = tool.raw(name);
    if (schema == null || schema.isNull()) {
      return null;
    }
    if (!schema.isObject()) {
      throw new InvalidRequest(
          tool.pathOf(name) + ": must be a JSON schema object", tool.pathOf(name));
    }
    JsonNode type = schema.get("type");
    if (type != null && !"object".equals(type.textValue())) {
      String at = tool.pathOf(name) + ".type";
      throw new InvalidRequest(at + ": must be 'object'", at);
    }
    return Json.toMap(schema);
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

  /**
   * Whether a System object asks for Zylon's extension ({@code "extensions"}) or, for any other
   * key, for citations ({@code citations.enabled}).
   */
  private static boolean systemFlag(JsonNode system, String which) {
    if (system == null) {
      return false;
    }
    for (JsonNode part : system.isArray() ? system : List.of(system)) {
      if (which.equals("extensions")) {
        for (JsonNode extension : part.path("extensions")) {
          if ("zylon".equals(extension.asText())) {
            return true;
          }
        }
      } else if (part.path("citations").path("enabled").asBoolean(false)) {
        return true;
      }
    }
    return false;
  }
}
