package dev.lectern.adapters.http.zylon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.BearerAuth;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.JsonFields;
import dev.lectern.adapters.http.common.RequestBodies;
import dev.lectern.adapters.http.common.WholeAnswer;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.error.PayloadTooLarge;
import dev.lectern.application.port.in.access.Caller;
import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.application.port.in.answer.CheckReplyUseCase;
import dev.lectern.application.port.in.answer.ComposeReplyCommand;
import dev.lectern.application.port.in.answer.ComposeReplyUseCase;
import dev.lectern.application.port.in.answer.CountPromptTokensUseCase;
import dev.lectern.application.port.in.answer.KnowledgeScope;
import dev.lectern.application.port.in.answer.ListModelsUseCase;
import dev.lectern.application.port.in.artifact.ContextFilter;
import dev.lectern.domain.artifact.MetadataFilter;
import dev.lectern.domain.assistant.ModelInfo;
import dev.lectern.domain.conversation.ToolCall;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Zylon's {@code /v1/messages} (Anthropic's Messages API): a reply to the conversation the client
 * sends, whole or as named server-sent events; with the {@code semantic_search_v1} tool Lectern
 * runs the search itself and answers with {@code tool_use}, {@code tool_result}, then the text.
 * Also {@code /messages/count_tokens}, {@code /messages/validate} and {@code /models}.
 */
public final class ZylonMessagesHandlers {
  /** The use cases these handlers call. */
  public record UseCases(
      ComposeReplyUseCase replies,
      CountPromptTokensUseCase tokens,
      CheckReplyUseCase checks,
      ListModelsUseCase models) {}

  private final UseCases useCases;
  private final BearerAuth auth;
  private final RequestBodies bodies;
  private final ZylonRequests requests;
  private final Duration pingAfter;
  private final Instant started = Instant.now();

  ZylonMessagesHandlers(
      UseCases useCases,
      BearerAuth auth,
      RequestBodies bodies,
      ZylonRequests requests,
      Duration pingAfter) {
    this.useCases = useCases;
    this.auth = auth;
    this.bodies = bodies;
    this.requests = requests;
    this.pingAfter = pingAfter;
  }

  void messages(Context ctx) {
    Caller caller = auth.caller(ctx);
    ZylonMessagesRequest request = ZylonMessagesRequest.read(bodies.json(ctx));
    ComposeReplyCommand command = command(caller, request);
    String id = ZylonReplyBlocks.messageId();
    if (request.stream()) {
      new ZylonMessageStream(ctx, request, id, pingAfter).run(useCases.replies(), command);
      return;
    }
    Instant begun = Instant.now();
    WholeAnswer reply = WholeAnswer.of(stream -> useCases.replies().compose(command, stream));
    Answer answer = reply.answer();
    ObjectNode message = ZylonReplyBlocks.start(id);
    ArrayNode content = (ArrayNode) message.get("content");
    if (request.searchTool() != null) {
      String toolId = ZylonReplyBlocks.toolUseId();
      content.add(ZylonReplyBlocks.searchUse(toolId, request, true));
      content.add(ZylonReplyBlocks.searchResult(toolId, reply.sources(), request.zylonMode()));
    }
    String text = answer.text();
    if (!text.isEmpty() || answer.toolCalls().isEmpty()) {
      ObjectNode block = content.addObject().put("type", "text");
      block.put("start_timestamp", begun.toString());
      block.put("stop_timestamp", Instant.now().toString());
      ZylonCitations citations = request.citations() ? new ZylonCitations(reply.sources()) : null;
      block.put("text", citations == null ? text : citations.rewriteAll(text));
      if (citations != null) {
        block.set("citations", citations.citationsArray());
      }
    }
    for (ToolCall call : answer.toolCalls()) {
      content.add(ZylonReplyBlocks.clientUse(call));
    }
    message.put("stop_reason", ZylonReplyBlocks.stopReason(answer.finishReason()));
    message.putNull("stop_sequence");
    message.set("usage", ZylonReplyBlocks.usage(answer));
    Json.respond(ctx, 200, message);
  }

  /** {@code {"input_tokens":n}}: what the conversation, system prompt and tools come to. */
  void countTokens(Context ctx) {
    Caller caller = auth.caller(ctx);
    ZylonMessagesRequest request = ZylonMessagesRequest.read(bodies.json(ctx));
    int tokens = useCases.tokens().count(command(caller, request));
    Json.respond(ctx, 200, Json.object().put("input_tokens", tokens));
  }

  /**
   * Every check {@code /messages} makes, with no model asked: {@code {"valid":true,"errors":null}},
   * or 400 {@code {"valid":false,"errors":[…]}} naming what is wrong. A body that is not a JSON
   * object is refused like any other request.
   */
  void validate(Context ctx) {
    Caller caller = auth.caller(ctx);
    JsonFields body = bodies.json(ctx);
    ObjectNode answer = Json.object();
    try {
      ZylonMessagesRequest request = ZylonMessagesRequest.read(body);
      useCases.checks().check(command(caller, request));
    } catch (InvalidRequest | NotFound | PayloadTooLarge refused) {
      answer.put("valid", false);
      answer.putArray("errors").add(refused.publicMessage());
      Json.respond(ctx, 400, answer);
      return;
    }
    answer.put("valid", true);
    answer.putNull("errors");
    Json.respond(ctx, 200, answer);
  }

  /** The configured models, in the shape of Anthropic's model list. */
  void models(Context ctx) {
    auth.caller(ctx);
    List<ModelInfo> all = useCases.models().models();
    ObjectNode body = Json.object();
    ArrayNode data = body.putArray("data");
    for (ModelInfo model : all) {
      ObjectNode entry = data.addObject();
      entry.put("id", model.name());
      entry.put("created_at", started.toString());
      entry.put("display_name", model.builtIn() ? "Built-in extractive model" : model.name());
      entry.put("type", "model");
      entry.put("max_tokens", model.contextTokens());
      entry.put("max_input_tokens", model.contextTokens());
      entry
          .putObject("capabilities")
          .put("streaming", true)
          .put("tools", model.tools())
          .put("citations", true);
    }
    body.put("first_id", all.isEmpty() ? null : all.get(0).name());
    body.put("last_id", all.isEmpty() ? null : all.get(all.size() - 1).name());
    body.put("has_more", false);
    Json.respond(ctx, 200, body);
  }

  /**
   * The model a request names: a configured one by its name; else {@code "default"} (what Zylon's
   * clients send) and Anthropic's names ({@code claude-…}, what its SDK's examples send) are the
   * default model, and any other name is refused by the catalog's rule.
   */
  private String model(String name) {
    boolean configured =
        useCases.models().models().stream().anyMatch(model -> model.name().equals(name));
    boolean vendors = name == null || name.equals("default") || name.startsWith("claude-");
    return configured || !vendors ? name : null;
  }

  private ComposeReplyCommand command(Caller caller, ZylonMessagesRequest request) {
    KnowledgeScope scope = null;
    if (request.searchContext() != null) {
      ContextFilter filter = requests.contextFilter(request.searchContext(), caller.org().id());
      scope =
          new KnowledgeScope(
              filter.collectionId(), filter.artifactIds(), MetadataFilter.all(filter.conditions()));
    }
    return new ComposeReplyCommand(
        caller.org().id(),
        model(request.model()),
        request.system(),
        request.messages(),
        request.settings(),
        request.clientTools(),
        request.toolChoice(),
        scope);
  }
}
