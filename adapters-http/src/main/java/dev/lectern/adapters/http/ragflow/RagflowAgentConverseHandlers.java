package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.LazySse;
import dev.lectern.adapters.http.common.SseWriter;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.application.port.in.answer.AnswerQuestionUseCase;
import dev.lectern.domain.assistant.Assistant;
import io.javalin.http.Context;

/**
 * RAGFlow's agent completions, {@code POST /agents/{agent_id}/completions}: the question goes to
 * the named session or a new one; the answer streams as {@code message}, {@code message_end} and
 * {@code node_finished} events ending with {@code data:[DONE]}, or comes whole as the {@code
 * workflow_finished} event.
 */
final class RagflowAgentConverseHandlers {
  private final RagflowAgentRuns runs;
  private final AnswerQuestionUseCase answers;
  private final RagflowAuth auth;
  private final RagflowBodies bodies;

  RagflowAgentConverseHandlers(
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
    String org = auth.tenant(ctx).org().id();
    ObjectNode body = bodies.object(ctx);
    Assistant agent = runs.agent(org, ctx.pathParam("agent_id"), "Agent not found.");
    String question =
        RagflowChatRequests.text(body.has("query") ? body.get("query") : body.get("question"));
    String session =
        RagflowChatRequests.truthy(body.get("session_id"))
            ? RagflowChatRequests.text(body.get("session_id"))
            : null;
    RagflowAgentRuns.Run run =
        runs.prepare(
            org,
            agent,
            new RagflowAgentRuns.Ask(
                question,
                session,
                RagflowChatRequests.text(body.get("user_id")),
                body.get("inputs")));
    boolean stream = !body.has("stream") || RagflowChatRequests.truthy(body.get("stream"));
    if (stream) {
      stream(ctx, run);
      return;
    }
    RagflowAgentEvents events = new RagflowAgentEvents(run.sessionId(), run.flow());
    RagflowAgentStream.Collected whole = new RagflowAgentStream.Collected(events);
    RagflowAgentStream sink = new RagflowAgentStream(null, whole, agent.showQuote());
    try {
      answers.answer(run.command(), sink);
      RagflowReply.ok(ctx, events.finished(whole.answer, whole.text, whole.timing));
    } catch (LecternException e) {
      // RAGFlow reports a failed run as a success whose data is the error.
      RagflowReply.ok(ctx, new TextNode(RagflowErrorRenderer.inAnswer(e)));
    }
  }

  private void stream(Context ctx, RagflowAgentRuns.Run run) {
    LazySse sse = new LazySse(ctx, SseWriter.Framing.TIGHT_DONE);
    sse.begin();
    RagflowAgentEvents events = new RagflowAgentEvents(run.sessionId(), run.flow());
    answers.answer(
        run.command(),
        new RagflowAgentStream(sse, new Streamed(sse, events), run.agent().showQuote()));
    sse.done();
  }

  /** Each piece and the end as events on the stream. */
  private record Streamed(LazySse sse, RagflowAgentEvents events)
      implements RagflowAgentStream.Frames {
    @Override
    public void start(String answerId) {
      events.messageId(answerId);
    }

    @Override
    public void piece(String text) {
      sse.event(events.piece(text));
    }

    @Override
    public void end(Answer answer, String text, RagflowAgentEvents.Timing timing) {
      sse.event(events.messageEnd(answer, text));
      events.nodes(answer, text, timing).forEach(node -> sse.event(node));
    }

    @Override
    public void fail(String text) {
      sse.event(events.piece(text));
      sse.event(events.event("message_end", Json.object()));
    }
  }
}
