package dev.lectern.adapters.http.timeweb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.JsonFields;
import dev.lectern.adapters.http.common.RequestBodies;
import dev.lectern.adapters.http.common.WholeAnswer;
import dev.lectern.application.error.Forbidden;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.application.port.in.answer.AnswerQuestionCommand;
import dev.lectern.application.port.in.answer.AnswerQuestionUseCase;
import dev.lectern.application.port.in.conversation.ManageConversationsUseCase;
import dev.lectern.application.port.in.conversation.StartConversationCommand;
import dev.lectern.application.port.in.conversation.StartConversationUseCase;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.conversation.Conversation;
import dev.lectern.domain.text.TextLimits;
import dev.lectern.domain.text.Utf8;
import io.javalin.http.Context;

/**
 * Timeweb's native agent call, {@code POST /api/v1/cloud-ai/agents/{agent_id}/call}: {@code
 * {message, parent_message_id?}} answered whole as {@code {message, id, response_id,
 * finish_reason}}. The server keeps the conversation: a call with no parent starts one, a call
 * naming any earlier answer (its {@code id}, or the {@code response_id} of its call) continues from
 * it, on its own branch.
 */
final class TimewebCallHandlers {
  /** The use cases these handlers call. */
  record UseCases(
      StartConversationUseCase start,
      ManageConversationsUseCase conversations,
      AnswerQuestionUseCase answers) {}

  private final UseCases useCases;
  private final TimewebAgents agents;
  private final RequestBodies bodies;

  TimewebCallHandlers(UseCases useCases, TimewebAgents agents, RequestBodies bodies) {
    this.useCases = useCases;
    this.agents = agents;
    this.bodies = bodies;
  }

  void call(Context ctx) {
    TimewebAgents.Call call = agents.forCall(ctx);
    try {
      answer(ctx, call);
    } finally {
      agents.ended(call);
    }
  }

  private void answer(Context ctx, TimewebAgents.Call call) {
    Assistant agent = call.agent();
    JsonFields body = bodies.json(ctx);
    JsonNode message = body.raw("message");
    if (message == null || !message.isTextual() || message.asText().isBlank()) {
      throw new InvalidRequest("message: a non-empty string is required", "message");
    }
    String parent = parent(body);
    if (!agent.answers()) {
      throw new Forbidden("the agent is suspended", "agent_id");
    }
    String org = agent.orgId();
    String conversation;
    String follows = null;
    if (parent == null) {
      conversation =
          useCases
              .start()
              .start(new StartConversationCommand(org, agent.id(), null, null, call.anonymous()))
              .conversation()
              .id();
    } else {
      String id = TimewebIds.internal(parent);
      Conversation holding =
          useCases.conversations().holding(org, agent.id(), id).orElseThrow(() -> noParent(parent));
      conversation = holding.id();
      follows = useCases.conversations().answerFor(org, agent.id(), conversation, id);
    }
    AnswerQuestionCommand command =
        new AnswerQuestionCommand(
            org, agent.id(), conversation, follows, message.asText(), null, null);
    Answer answer;
    try {
      answer = WholeAnswer.of(stream -> useCases.answers().answer(command, stream)).answer();
    } catch (RuntimeException failed) {
      if (parent == null) {
        // The call started this conversation; a call that failed leaves none behind.
        try {
          useCases.conversations().delete(org, agent.id(), conversation);
        } catch (RuntimeException cleanup) {
          failed.addSuppressed(cleanup);
        }
      }
      throw failed;
    }
    agents.stored(call, Utf8.length(message.asText()) + Utf8.length(answer.text()));
    ObjectNode reply = Json.object();
    reply.put("message", answer.text());
    reply.put("id", TimewebIds.uuid(answer.answerId()));
    reply.put("response_id", TimewebIds.uuid(answer.questionId()));
    reply.put("finish_reason", finishReason(answer));
    Json.respond(ctx, 200, reply);
  }

  /** {@code GET} on the call: the method is not allowed. */
  void wrongMethod(Context ctx) {
    TimewebErrorRenderer.respond(
        ctx,
        new TimewebErrorRenderer.Failure(405, "method_not_allowed", "use POST to call an agent"));
  }

  /** {@code parent_message_id} (or {@code parentMessageId}); null or empty starts anew. */
  private static String parent(JsonFields body) {
    JsonNode parent = body.raw("parent_message_id");
    if (parent == null || parent.isNull()) {
      parent = body.raw("parentMessageId");
    }
    if (parent == null || parent.isNull()) {
      return null;
    }
    if (!parent.isTextual()) {
      throw new InvalidRequest("parent_message_id: must be a string", "parent_message_id");
    }
    return parent.asText().isBlank() ? null : parent.asText();
  }

  private static NotFound noParent(String parent) {
    return NotFound.of(
        "parent_message_id: no message '" + TextLimits.cut(parent, 100) + "' of this agent",
        "parent_message_id",
        parent);
  }

  /** Timeweb's finish reasons, {@code lenght} spelled as Timeweb spells it. */
  static String finishReason(Answer answer) {
    return switch (answer.finishReason()) {
      case STOP, TOOL_USE -> "stop";
      case LENGTH -> "lenght";
      case CONTENT_FILTER -> "content_filter";
      case CANCELLED -> "error";
    };
  }
}
