package dev.lectern.adapters.http.timeweb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.ChatMessages;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.JsonFields;
import dev.lectern.adapters.http.common.LazySse;
import dev.lectern.adapters.http.common.OpenAiUsage;
import dev.lectern.adapters.http.common.RequestBodies;
import dev.lectern.adapters.http.common.SseAnswer;
import dev.lectern.adapters.http.common.SseWriter;
import dev.lectern.adapters.http.common.WholeAnswer;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.application.port.in.answer.AskAssistantCommand;
import dev.lectern.application.port.in.answer.AskAssistantUseCase;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.conversation.ModelMessage;
import io.javalin.http.Context;
import java.util.List;
import java.util.UUID;

/**
 * Timeweb's OpenAI-compatible agent API under {@code /api/v1/cloud-ai/agents/{agent_id}/v1}: chat
 * completions, stateless (the client sends the conversation; {@code model} is ignored, the agent's
 * own prompt, collections and model answer), whole or as a standard {@code data: } stream ending
 * with {@code data: [DONE]}; and the model list. A token is always required.
 */
final class TimewebOpenAiHandlers {
  private static final int MAX_TOKENS = 1_000_000;

  private final AskAssistantUseCase asks;
  private final TimewebAgents agents;
  private final RequestBodies bodies;

  TimewebOpenAiHandlers(AskAssistantUseCase asks, TimewebAgents agents, RequestBodies bodies) {
    this.asks = asks;
    this.agents = agents;
    this.bodies = bodies;
  }

  void completions(Context ctx) {
    Assistant agent = agents.withToken(ctx);
    JsonFields body = bodies.json(ctx);
    AskAssistantCommand command =
        new AskAssistantCommand(
            agent.orgId(),
            agent.id(),
            messages(body.raw("messages")),
            body.optionalInt("max_tokens", 1, MAX_TOKENS).orElse(null),
            body.optionalDouble("temperature", 0, 2).orElse(null));
    boolean usage = includeUsage(body);
    String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    String model = model(agent);
    JsonNode stream = body.raw("stream");
    if (stream == null || !stream.asBoolean(false)) {
      Answer answer = WholeAnswer.of(sink -> asks.ask(command, sink)).answer();
      Json.respond(ctx, 200, whole(id, model, answer));
      return;
    }
    asks.ask(command, new Streamed(ctx, id, model, usage));
  }

  /** {@code stream_options.include_usage}, checked as OpenAI checks it. */
  private static boolean includeUsage(JsonFields body) {
    return body.optionalObject("stream_options")
        .flatMap(options -> options.optionalBoolean("include_usage"))
        .orElse(false);
  }

  void models(Context ctx) {
    Assistant agent = agents.withToken(ctx);
    ObjectNode list = Json.object();
    list.put("object", "list");
    ObjectNode entry = list.putArray("data").addObject();
    entry.put("id", model(agent));
    entry.put("object", "model");
    entry.put("created", agent.createdAt().getEpochSecond());
    entry.put("owned_by", "lectern");
    Json.respond(ctx, 200, list);
  }

  private static String model(Assistant agent) {
    return agent.model().model() == null ? "default" : agent.model().model();
  }

  /** User and assistant turns; system messages give way to the agent's own prompt. */
  private static List<ModelMessage> messages(JsonNode given) {
    return ChatMessages.read(
            given,
            new ChatMessages.Wording(
                "messages: a non-empty list is required",
                "messages: the last one must be the user's, with content"))
        .turns();
  }

  private static ObjectNode whole(String id, String model, Answer answer) {
    ObjectNode node = Json.object();
    node.put("id", id);
    node.put("object", "chat.completion");
    node.put("created", System.currentTimeMillis() / 1000);
    node.put("model", model);
    ObjectNode choice = node.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", answer.text());
    choice.put("finish_reason", finishReason(answer));
    node.set("usage", OpenAiUsage.of(answer));
    return node;
  }

  static String finishReason(Answer answer) {
    return OpenAiUsage.finishReason(answer.finishReason());
  }

  /**
   * Standard OpenAI chunks: the pieces, a chunk with the finish reason, and, when {@code usage} was
   * asked for, one with no choices and the usage. The stream begins with the answer, so earlier
   * failures are JSON.
   */
  private static final class Streamed extends SseAnswer {
    private final String id;
    private final String model;
    private final boolean usage;
    private final long created = System.currentTimeMillis() / 1000;

    Streamed(Context ctx, String id, String model, boolean usage) {
      super(new LazySse(ctx, SseWriter.Framing.OPENAI));
      this.id = id;
      this.model = model;
      this.usage = usage;
    }

    @Override
    public void onDelta(String text) {
      sse.event(chunk(text, null));
    }

    @Override
    public void onComplete(Answer answer) {
      ObjectNode last = chunk(null, finishReason(answer));
      sse.event(last);
      if (usage) {
        sse.event(OpenAiUsage.chunk(last, OpenAiUsage.of(answer)));
      }
      sse.done();
    }

    @Override
    protected void failInStream(LecternException error) {
      sse.event(TimewebErrorRenderer.streamed(error));
      sse.done();
    }

    private ObjectNode chunk(String content, String finishReason) {
      ObjectNode node = Json.object();
      node.put("id", id);
      node.put("object", "chat.completion.chunk");
      node.put("created", created);
      node.put("model", model);
      ObjectNode choice = node.putArray("choices").addObject();
      choice.put("index", 0);
      ObjectNode delta = choice.putObject("delta");
      if (content != null) {
        delta.put("role", "assistant");
        delta.put("content", content);
      }
      choice.put("finish_reason", finishReason);
      return node;
    }
  }
}
