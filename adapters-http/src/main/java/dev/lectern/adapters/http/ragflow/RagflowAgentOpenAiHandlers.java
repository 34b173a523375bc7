package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.LazySse;
import dev.lectern.adapters.http.common.OpenAiUsage;
import dev.lectern.adapters.http.common.SseWriter;
import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.application.port.in.answer.AnswerQuestionUseCase;
import dev.lectern.domain.assistant.Assistant;
import io.javalin.http.Context;

/**
 * RAGFlow's OpenAI-compatible agent endpoint, {@code POST /agents_openai/{agent_id}/chat/
 * completions}: the last user message goes to the session named by {@code session_id}, {@code id}
 * or {@code metadata.id}, else to a new session, whose id the answer carries. Not streamed unless
 * asked; a stream's chunks are {@code data: }-framed and end with {@code data: [DONE]}.
 */
final class RagflowAgentOpenAiHandlers {
  /** RAGFlow's answer when the messages hold neither a user's nor an assistant's. */
  static final String NO_MESSAGES = "No valid messages found (user or assistant).";

  private final RagflowAgentRuns runs;
  private final AnswerQuestionUseCase answers;
  private final RagflowAuth auth;
  private final RagflowBodies bodies;

  RagflowAgentOpenAiHandlers(
      RagflowAgentRuns runs,
      AnswerQuestionUseCase answers,
      RagflowAuth auth,
      RagflowBodies bodies) {
    this.runs = runs;
    this.answers = answers;
    this.auth = auth;
    this.bodies = bodies;
  }

  void completions(Context ctx) {
    RagflowAuth.Deferred caller = auth.deferredTenant(ctx);
    ObjectNode body = bodies.object(ctx);
    RagflowOpenAiRequest.requireArguments(body);
    String org = caller.get().org().id();
    String agentId = ctx.pathParam("agent_id");
    JsonNode messages = body.get("messages");
    if (!RagflowChatRequests.truthy(messages)) {
      throw RagflowErrors.data("You must provide at least one message.");
    }
    if (!messages.isArray()) {
      throw RagflowErrors.data("messages must be a list.");
    }
    Assistant agent = runs.agent(org, agentId, "You don't own the agent " + agentId);
    String question = lastUserMessage(messages);
    boolean stream = RagflowChatRequests.truthy(body.get("stream"));
    if (question == null) {
      Json.respond(ctx, 200, whole(agentId, agentId, NO_MESSAGES, null));
      return;
    }
    RagflowAgentRuns.Run run =
        runs.prepare(
            org,
            agent,
            new RagflowAgentRuns.Ask(question, session(body), null, body.get("inputs")));
    if (stream) {
      stream(ctx, run, OpenAiUsage.asked(body.get("stream_options")));
      return;
    }
    RagflowAgentStream.Collected frames = new RagflowAgentStream.Collected(null);
    answers.answer(run.command(), new RagflowAgentStream(null, frames, agent.showQuote()));
    Json.respond(ctx, 200, whole(run.sessionId(), agentId, frames.text, frames.answer));
  }

  /** {@code session_id}, else {@code id}, else {@code metadata.id}; null for a new session. */
  private static String session(ObjectNode body) {
    for (JsonNode candidate :
        new JsonNode[] {body.get("session_id"), body.get("id"), body.path("metadata").get("id")}) {
      if (RagflowChatRequests.truthy(candidate)) {
        return RagflowChatRequests.text(candidate);
      }
    }
    return null;
  }

  /** The last user message's text; null when there are no user or assistant messages. */
  private static String lastUserMessage(JsonNode messages) {
    String question = null;
    boolean any = false;
    for (JsonNode message : messages) {
      String role = message.isObject() ? RagflowChatRequests.text(message.get("role")) : null;
      if ("user".equals(role) || "assistant".equals(role)) {
        any = true;
      }
      if ("user".equals(role)) {
        question = RagflowOpenAiRequest.content(message.get("content"));
      }
    }
    if (!any) {
      return null;
    }
    if (question == null || question.isBlank()) {
      throw RagflowErrors.data("The last content of this conversation is not from user.");
    }
    return question;
  }

  private void stream(Context ctx, RagflowAgentRuns.Run run, boolean usage) {
    LazySse sse = new LazySse(ctx, SseWriter.Framing.OPENAI);
    sse.begin();
    Streamed frames = new Streamed(sse, run.sessionId(), run.agent().id(), usage);
    answers.answer(run.command(), new RagflowAgentStream(sse, frames, run.agent().showQuote()));
    sse.done();
  }

  /** The non-streamed completion; {@code answer} is null when there was nothing to answer. */
  private static ObjectNode whole(String id, String agentId, String text, Answer answer) {
    ObjectNode node = Json.object();
    node.put("id", id);
    node.put("object", "chat.completion");
    node.putNull("created");
    node.put("model", agentId);
    node.putNull("param");
    ObjectNode usage =
        OpenAiUsage.of(
            answer == null ? 0 : answer.inputTokens(), answer == null ? 0 : answer.outputTokens());
    node.set("usage", usage);
    ObjectNode details = usage.putObject("completion_tokens_details");
    details.put("reasoning_tokens", 0);
    details.put("accepted_prediction_tokens", 0);
    details.put("rejected_prediction_tokens", 0);
    ObjectNode choice = node.putArray("choices").addObject();
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", text);
    if (answer != null && RagflowAgentEvents.cites(text)) {
      message.set("reference", RagflowAgentWire.reference(answer.references()));
    }
    choice.putNull("logprobs");
    choice.put(
        "finish_reason", answer == null ? "stop" : OpenAiUsage.finishReason(answer.finishReason()));
    choice.put("index", 0);
    return node;
  }

  /**
   * Chunks of the agent's shape: the pieces, then an empty one with the finish reason (RAGFlow
   * sends none, which OpenAI's SDKs refuse) and the reference, and, when {@code usage} was asked
   * for, OpenAI's usage chunk.
   */
  private record Streamed(LazySse sse, String id, String agentId, boolean usage, long created)
      implements RagflowAgentStream.Frames {
    Streamed(LazySse sse, String id, String agentId, boolean usage) {
      this(sse, id, agentId, usage, System.currentTimeMillis() / 1000);
    }

    @Override
    public void piece(String text) {
      sse.event(chunk(text, null));
    }

    @Override
    public void end(Answer answer, String text, RagflowAgentEvents.Timing timing) {
      ObjectNode last = chunk("", OpenAiUsage.finishReason(answer.finishReason()));
      if (RagflowAgentEvents.cites(text)) {
        ObjectNode delta = (ObjectNode) last.get("choices").get(0).get("delta");
        delta.set("reference", RagflowAgentWire.reference(answer.references()));
      }
      sse.event(last);
      if (usage) {
        sse.event(OpenAiUsage.chunk(last, OpenAiUsage.of(answer)));
      }
    }

    @Override
    public void fail(String text) {
      sse.event(chunk(text, "stop"));
    }

    private ObjectNode chunk(String content, String finishReason) {
      ObjectNode node = Json.object();
      node.put("id", id);
      node.put("object", "chat.completion.chunk");
      // RAGFlow leaves it out; OpenAI's Java SDK cannot gather a stream without it.
      node.put("created", created);
      node.put("model", agentId);
      ObjectNode choice = node.putArray("choices").addObject();
      // RAGFlow names no role; OpenAI's Node SDK cannot gather a stream without one.
      choice.putObject("delta").put("content", content).put("role", "assistant");
      choice.put("finish_reason", finishReason);
      choice.put("index", 0);
      return node;
    }
  }
}
