package dev.lectern.adapters.http.zylon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.application.port.in.artifact.ArtifactChunk;
import dev.lectern.application.port.in.retrieval.Retrieval.RetrievedChunk;
import dev.lectern.domain.conversation.FinishReason;
import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.ToolCall;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The blocks of a Messages reply, shared by the whole and the streamed one. */
final class ZylonReplyBlocks {
  static final String MODEL = "private-gpt";

  private ZylonReplyBlocks() {}

  static String messageId() {
    return "msg_" + UUID.randomUUID().toString().replace("-", "");
  }

  static String toolUseId() {
    return "toolu_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
  }

  /** The message's opening fields in Anthropic's order, {@code content} open, then the model. */
  static ObjectNode start(String id) {
    ObjectNode message = Json.object();
    message.put("id", id);
    message.put("type", "message");
    message.put("role", "assistant");
    message.putArray("content");
    message.put("model", MODEL);
    return message;
  }

  /**
   * The search tool's use, its input the question searched for (or empty, as a stream opens it).
   */
  static ObjectNode searchUse(String toolId, ZylonMessagesRequest request, boolean withInput) {
    ObjectNode use =
        Json.object().put("type", "tool_use").put("id", toolId).put("name", request.searchTool());
    ObjectNode input = use.putObject("input");
    if (withInput) {
      input.put(
          "query", Objects.requireNonNullElse(ModelMessage.lastQuestion(request.messages()), ""));
    }
    return use;
  }

  /** The search's result: the sources (in Zylon's mode) and the formatted context. */
  static ObjectNode searchResult(String toolId, List<RetrievedChunk> sources, boolean zylonMode) {
    ObjectNode result = Json.object().put("type", "tool_result").put("tool_use_id", toolId);
    ArrayNode content = result.putArray("content");
    StringBuilder context = new StringBuilder();
    ArrayNode items = Json.MAPPER.createArrayNode();
    for (RetrievedChunk hit : sources) {
      String citation = ZylonWire.citationId(hit.chunk().id());
      items.add(
          ZylonWire.contextChunk(
              new ArtifactChunk(hit.artifact(), hit.chunk()), citation, hit.score()));
      context.append(ZylonWire.contextText(citation, hit.chunk().text()));
    }
    if (zylonMode) {
      content.addObject().put("type", "source").set("sources", items);
    }
    content
        .addObject()
        .put("type", "text")
        .put("text", context.isEmpty() ? "No relevant content was found." : context.toString());
    result.put("is_error", false);
    return result;
  }

  /** A client tool the model asked for. */
  static ObjectNode clientUse(ToolCall call) {
    ObjectNode use = Json.object().put("type", "tool_use");
    use.put("id", call.id().replaceAll("[^A-Za-z0-9_-]", "_"));
    use.put("name", call.name());
    use.set("input", arguments(call.arguments()));
    return use;
  }

  /** A tool call's arguments as the object the model wrote, or an empty one when it wrote none. */
  private static ObjectNode arguments(String json) {
    try {
      return Json.MAPPER.readTree(json) instanceof ObjectNode object ? object : Json.object();
    } catch (IOException notJson) {
      return Json.object();
    }
  }

  static String stopReason(FinishReason reason) {
    return switch (reason) {
      case LENGTH -> "max_tokens";
      case TOOL_USE -> "tool_use";
      case CONTENT_FILTER -> "refusal";
      case STOP, CANCELLED -> "end_turn";
    };
  }

  static ObjectNode usage(Answer answer) {
    return Json.object()
        .put("input_tokens", answer.inputTokens())
        .put("output_tokens", answer.outputTokens());
  }
}
