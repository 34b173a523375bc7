package dev.lectern.adapters.http.zylon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.BearerAuth;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.RequestBodies;
import dev.lectern.adapters.http.common.SseWriter;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.port.in.access.Caller;
import dev.lectern.application.port.in.answer.ComposeReplyCommand;
import dev.lectern.application.port.in.answer.ComposeReplyUseCase;
import dev.lectern.application.port.in.answer.KnowledgeScope;
import dev.lectern.application.port.in.answer.Reply;
import dev.lectern.application.port.in.answer.ReplySink;
import dev.lectern.application.port.in.artifact.ArtifactChunk;
import dev.lectern.application.port.in.artifact.ContextFilter;
import dev.lectern.application.port.in.retrieval.Retrieval.RetrievedChunk;
import dev.lectern.application.port.out.ModelMessage;
import dev.lectern.application.port.out.ModelReply;
import dev.lectern.application.port.out.ToolCall;
import dev.lectern.domain.artifact.MetadataFilter;
import dev.lectern.domain.conversation.FinishReason;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Zylon's {@code /v1/messages} (Anthropic's Messages API): a reply to the conversation the client
 * sends, whole or as named server-sent events. With the {@code semantic_search_v1} tool Lectern
 * runs the search itself and answers with {@code tool_use}, {@code tool_result}, then the text.
 */
final class ZylonMessagesHandlers {
  static final String MODEL = "private-gpt";
  static final int SEARCH_TOP_K = 32;

  private final ComposeReplyUseCase replies;
  private final BearerAuth auth;
  private final RequestBodies bodies;
  private final ZylonRequests requests;

  ZylonMessagesHandlers(
      ComposeReplyUseCase replies, BearerAuth auth, RequestBodies bodies, ZylonRequests requests) {
    this.replies = replies;
    this.auth = auth;
    this.bodies = bodies;
    this.requests = requests;
  }

  void messages(Context ctx) {
    Caller caller = auth.caller(ctx);
    ZylonMessagesRequest request = ZylonMessagesRequest.read(bodies.json(ctx));
    KnowledgeScope scope = null;
    if (request.searchContext() != null) {
      ContextFilter filter = requests.contextFilter(request.searchContext(), caller.org().id());
      scope =
          new KnowledgeScope(
              filter.collectionId(),
              filter.artifactIds(),
              MetadataFilter.all(filter.conditions()),
              SEARCH_TOP_K);
    }
    ComposeReplyCommand command =
        new ComposeReplyCommand(
            caller.org().id(),
            null,
            request.system(),
            request.messages(),
            request.settings(),
            request.clientTools(),
            scope);
    String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
    if (request.stream()) {
      new Stream(ctx, request, id).run(command);
      return;
    }
    Reply reply = replies.compose(command, delta -> {});
    ObjectNode message = start(id);
    ArrayNode content = message.putArray("content");
    if (request.searchTool() != null) {
      String toolId = toolUseId();
      content.add(toolUse(toolId, request, true));
      content.add(toolResult(toolId, reply.sources(), request.zylonMode()));
    }
    if (!reply.reply().text().isEmpty() || reply.reply().toolCalls().isEmpty()) {
      content.addObject().put("type", "text").put("text", reply.reply().text());
    }
    for (ToolCall call : reply.reply().toolCalls()) {
      content
          .addObject()
          .put("type", "tool_use")
          .put("id", call.id().replaceAll("[^A-Za-z0-9_-]", "_"))
          .put("name", call.name())
          .set("input", arguments(call.arguments()));
    }
    message.put("stop_reason", stopReason(reply.reply().finishReason()));
    message.putNull("stop_sequence");
    message.set("usage", usage(reply.reply()));
    Json.respond(ctx, 200, message);
  }

  /**
   * A streamed reply: events are written once the search (if any) is done, so that its errors are
   * still plain responses.
   */
  private final class Stream implements ReplySink {
    private final Context ctx;
    private final ZylonMessagesRequest request;
    private final String id;
    private SseWriter sse;
    private int index;

    Stream(Context ctx, ZylonMessagesRequest request, String id) {
      this.ctx = ctx;
      this.request = request;
      this.id = id;
    }

    void run(ComposeReplyCommand command) {
      Reply reply;
      try {
        reply = replies.compose(command, this);
      } catch (LecternException e) {
        if (sse == null) {
          throw e;
        }
        ObjectNode error = Json.object().put("type", "error");
        error.putObject("error").put("type", "api_error").put("message", e.publicMessage());
        sse.event("error", error);
        return;
      }
      begin(List.of());
      sse.event("content_block_stop", block("content_block_stop"));
      index++;
      ObjectNode delta = Json.object().put("type", "message_delta");
      delta
          .putObject("delta")
          .put("stop_reason", stopReason(reply.reply().finishReason()))
          .putNull("stop_sequence");
      delta.set("usage", usage(reply.reply()));
      sse.event("message_delta", delta);
      sse.event("message_stop", Json.object().put("type", "message_stop"));
    }

    @Override
    public void onSources(List<RetrievedChunk> sources) {
      begin(sources);
    }

    /** The message and its tool blocks, once; then the text block is open for deltas. */
    private void begin(List<RetrievedChunk> sources) {
      if (sse != null) {
        return;
      }
      sse = SseWriter.start(ctx, SseWriter.Framing.NAMED);
      ObjectNode started = Json.object().put("type", "message_start");
      ObjectNode message = start(id);
      message.putArray("content");
      message.putObject("usage");
      started.set("message", message);
      sse.event("message_start", started);
      if (request.searchTool() != null) {
        String toolId = toolUseId();
        ObjectNode use = toolUse(toolId, request, false);
        sse.event("content_block_start", block("content_block_start").set("content_block", use));
        ObjectNode json = block("content_block_delta");
        json.putObject("delta")
            .put("type", "input_json_delta")
            .put("partial_json", toolUse(toolId, request, true).get("input").toString());
        sse.event("content_block_delta", json);
        sse.event("content_block_stop", block("content_block_stop"));
        index++;
        sse.event(
            "content_block_start",
            block("content_block_start")
                .set("content_block", toolResult(toolId, sources, request.zylonMode())));
        sse.event("content_block_stop", block("content_block_stop"));
        index++;
      }
      ObjectNode text = Json.object().put("type", "text").put("text", "");
      sse.event("content_block_start", block("content_block_start").set("content_block", text));
    }

    @Override
    public void onDelta(String text) {
      begin(List.of());
      ObjectNode delta = block("content_block_delta");
      delta.putObject("delta").put("type", "text_delta").put("text", text);
      sse.event("content_block_delta", delta);
    }

    @Override
    public boolean cancelled() {
      return sse != null && sse.clientGone();
    }

    private ObjectNode block(String type) {
      return Json.object()
          .put("type", type)
          .put("index", index)
          .put("block_id", "block_" + id.substring(4) + "_" + index);
    }
  }

  /** A tool call's arguments as the object the model wrote, or an empty one when it wrote none. */
  private static ObjectNode arguments(String json) {
    try {
      return Json.MAPPER.readTree(json) instanceof ObjectNode object ? object : Json.object();
    } catch (java.io.IOException notJson) {
      return Json.object();
    }
  }

  private static ObjectNode start(String id) {
    ObjectNode message = Json.object();
    message.put("id", id);
    message.put("type", "message");
    message.put("role", "assistant");
    message.put("model", MODEL);
    return message;
  }

  private static String toolUseId() {
    return "toolu_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
  }

  private static ObjectNode toolUse(
      String toolId, ZylonMessagesRequest request, boolean withInput) {
    ObjectNode use =
        Json.object().put("type", "tool_use").put("id", toolId).put("name", request.searchTool());
    ObjectNode input = use.putObject("input");
    if (withInput) {
      input.put(
          "query", Objects.requireNonNullElse(ModelMessage.lastQuestion(request.messages()), ""));
    }
    return use;
  }

  private static ObjectNode toolResult(
      String toolId, List<RetrievedChunk> sources, boolean zylonMode) {
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

  static String stopReason(FinishReason reason) {
    return switch (reason) {
      case LENGTH -> "max_tokens";
      case TOOL_USE -> "tool_use";
      case CONTENT_FILTER -> "refusal";
      case STOP, CANCELLED -> "end_turn";
    };
  }

  private static ObjectNode usage(ModelReply reply) {
    return Json.object()
        .put("input_tokens", reply.usage().input())
        .put("output_tokens", reply.usage().output());
  }
}
