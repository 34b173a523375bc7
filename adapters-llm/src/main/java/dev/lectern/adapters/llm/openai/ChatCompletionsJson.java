package dev.lectern.adapters.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.conversation.FinishReason;
import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.ModelSettings;
import dev.lectern.domain.conversation.ModelTool;
import dev.lectern.domain.conversation.ToolCall;
import dev.lectern.domain.conversation.ToolChoice;
import java.io.IOException;
import java.util.Locale;

/** The {@code /v1/chat/completions} wire format: the request written, answers read. */
final class ChatCompletionsJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private ChatCompletionsJson() {}

  static byte[] request(ModelRequest request, String model, boolean stream) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("model", model);
    ArrayNode messages = body.putArray("messages");
    if (request.system() != null && !request.system().isEmpty()) {
      messages.addObject().put("role", "system").put("content", request.system());
    }
    for (ModelMessage message : request.messages()) {
      messages.add(message(message));
    }
    ModelSettings settings = request.settings();
    putIfSet(body, "temperature", settings.temperature());
    putIfSet(body, "top_p", settings.topP());
    if (settings.maxTokens() != null) {
      body.put("max_tokens", settings.maxTokens());
    }
    if (!settings.stop().isEmpty()) {
      ArrayNode stop = body.putArray("stop");
      settings.stop().forEach(stop::add);
    }
    putIfSet(body, "presence_penalty", settings.presencePenalty());
    putIfSet(body, "frequency_penalty", settings.frequencyPenalty());
    if (!request.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      for (ModelTool tool : request.tools()) {
        ObjectNode function = tools.addObject().put("type", "function").putObject("function");
        function.put("name", tool.name());
        if (tool.description() != null) {
          function.put("description", tool.description());
        }
        function.set("parameters", MAPPER.valueToTree(tool.parameters()));
      }
      ToolChoice choice = request.toolChoice();
      if (choice.mode() == ToolChoice.Mode.ANY) {
        body.put("tool_choice", "required");
      } else if (choice.mode() == ToolChoice.Mode.NAMED) {
        body.putObject("tool_choice")
            .put("type", "function")
            .putObject("function")
            .put("name", choice.name());
      }
    }
    body.put("stream", stream);
    if (stream) {
      body.putObject("stream_options").put("include_usage", true);
    }
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static ObjectNode message(ModelMessage message) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("role", message.role().name().toLowerCase(Locale.ROOT));
    if (message.toolCalls().isEmpty() || !message.text().isEmpty()) {
      node.put("content", message.text());
    } else {
      node.putNull("content");
    }
    if (!message.toolCalls().isEmpty()) {
      ArrayNode calls = node.putArray("tool_calls");
      for (ToolCall call : message.toolCalls()) {
        ObjectNode entry = calls.addObject().put("id", call.id()).put("type", "function");
        entry.putObject("function").put("name", call.name()).put("arguments", call.arguments());
      }
    }
    if (message.toolCallId() != null) {
      node.put("tool_call_id", message.toolCallId());
    }
    return node;
  }

  private static void putIfSet(ObjectNode body, String key, Double value) {
    if (value != null) {
      body.put(key, value);
    }
  }

  /** OpenAI's finish reasons and the variants other servers write; null when absent. */
  static FinishReason finishReason(JsonNode value) {
    if (value == null || value.isNull() || !value.isTextual()) {
      return null;
    }
    return switch (value.textValue()) {
      case "length", "max_tokens" -> FinishReason.LENGTH;
      case "tool_calls", "function_call", "tool_use" -> FinishReason.TOOL_USE;
      case "content_filter" -> FinishReason.CONTENT_FILTER;
      default -> FinishReason.STOP;
    };
  }

  /** The text of a message or delta's {@code content}: a string, or a list of text parts. */
  static String text(JsonNode content) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.textValue();
    }
    StringBuilder text = new StringBuilder();
    if (content.isArray()) {
      for (JsonNode part : content) {
        if (part.path("text").isTextual()) {
          text.append(part.get("text").textValue());
        }
      }
    }
    return text.toString();
  }
}
