package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.LazySse;
import dev.lectern.adapters.http.common.SseWriter;
import dev.lectern.adapters.http.common.WholeAnswer;
import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.application.port.in.answer.AnswerFrame;
import dev.lectern.application.port.in.answer.AnswerQuestionCommand;
import dev.lectern.application.port.in.answer.AnswerQuestionUseCase;
import dev.lectern.application.port.in.assistant.ManageAssistantsUseCase;
import dev.lectern.application.port.in.conversation.ManageConversationsUseCase;
import dev.lectern.application.port.in.conversation.StartConversationCommand;
import dev.lectern.application.port.in.conversation.StartConversationUseCase;
import dev.lectern.application.port.in.conversation.StartedConversation;
import dev.lectern.domain.artifact.MetadataFilter;
import dev.lectern.domain.assistant.Assistant;
import io.javalin.http.Context;

/**
 * RAGFlow's converse endpoint, {@code POST /chats/{chat_id}/completions}: without a session it
 * opens one and answers with the opener; with one it answers the question, streamed ({@code data:}
 * frames with delta answers, a final frame with the reference, then {@code data:true}) or whole,
 * and the question and answer are stored in the session.
 */
final class RagflowConverseHandlers {
  /** The use cases these handlers call. */
  record UseCases(
      ManageAssistantsUseCase assistants,
      StartConversationUseCase start,
      ManageConversationsUseCase conversations,
      AnswerQuestionUseCase answers) {}

  private final UseCases useCases;
  private final RagflowAuth auth;
  private final RagflowBodies bodies;

  RagflowConverseHandlers(UseCases useCases, RagflowAuth auth, RagflowBodies bodies) {
    this.useCases = useCases;
    this.auth = auth;
    this.bodies = bodies;
  }

  void completions(Context ctx) {
    String org = auth.tenant(ctx).org().id();
    String chatId = ctx.pathParam("chat_id");
    ObjectNode body = bodies.object(ctx);
    Assistant chat =
        RagflowLookups.chat(useCases.assistants(), org, chatId)
            .orElseThrow(() -> RagflowErrors.data("You don't own the chat " + chatId));
    String sessionId =
        RagflowChatRequests.truthy(body.get("session_id"))
            ? RagflowChatRequests.text(body.get("session_id"))
            : null;
    if (sessionId != null
        && RagflowLookups.session(useCases.conversations(), org, chatId, sessionId).isEmpty()) {
      throw RagflowErrors.data("You don't own the session " + sessionId);
    }
    MetadataFilter documents = RagflowOpenAiRequest.condition(body.get("metadata_condition"));
    boolean stream = !body.has("stream") || RagflowChatRequests.truthy(body.get("stream"));
    if (sessionId == null) {
      open(ctx, org, chatId, body, stream);
      return;
    }
    String question = RagflowChatRequests.text(body.get("question"));
    if (question == null || question.isBlank()) {
      throw RagflowErrors.data("`question` is required.");
    }
    AnswerQuestionCommand command =
        new AnswerQuestionCommand(
            org,
            chatId,
            sessionId,
            null,
            question,
            null,
            null,
            AnswerFrame.MODEL.withDocuments(documents));
    if (stream) {
      stream(ctx, command, chat.showQuote());
    } else {
      Answer answer = WholeAnswer.of(sink -> useCases.answers().answer(command, sink)).answer();
      RagflowReply.ok(ctx, RagflowChatWire.sorted(whole(answer, chat.showQuote())));
    }
  }

  /** A new session, answered by the chat's opener. */
  private void open(Context ctx, String org, String chatId, ObjectNode body, boolean stream) {
    String name =
        RagflowChatRequests.truthy(body.get("name"))
            ? RagflowChatRequests.text(body.get("name"))
            : RagflowSessionHandlers.DEFAULT_NAME;
    StartedConversation started =
        useCases
            .start()
            .start(
                new StartConversationCommand(
                    org, chatId, name, RagflowChatRequests.text(body.get("user_id"))));
    ObjectNode data = Json.object();
    data.put("answer", started.messages().isEmpty() ? "" : started.messages().getFirst().content());
    data.putObject("reference");
    data.putNull("audio_binary");
    data.putNull("id");
    data.put("session_id", started.conversation().id());
    if (!stream) {
      RagflowReply.ok(ctx, RagflowChatWire.sorted(data));
      return;
    }
    SseWriter sse = SseWriter.start(ctx, SseWriter.Framing.TIGHT);
    sse.event(null, frame(data));
    sse.event(null, frame(BooleanNode.TRUE));
  }

  private void stream(Context ctx, AnswerQuestionCommand command, boolean quote) {
    LazySse sse = new LazySse(ctx, SseWriter.Framing.TIGHT);
    sse.begin();
    ctx.res().addHeader("Connection", "keep-alive");
    useCases
        .answers()
        .answer(command, new RagflowAnswerStream(sse, command.conversationId(), quote));
    sse.event(frame(BooleanNode.TRUE));
  }

  /** The non-streamed answer's {@code data}. */
  private static ObjectNode whole(Answer answer, boolean quote) {
    ObjectNode data = Json.object();
    data.put("answer", RagflowCitations.rewrite(answer.text(), quote));
    data.set("reference", RagflowReferences.reference(answer.references()));
    data.put("prompt", "");
    data.put("created_at", System.currentTimeMillis() / 1000.0);
    data.putNull("audio_binary");
    data.put("id", answer.questionId());
    data.put("session_id", answer.conversationId());
    return data;
  }

  /** {@code {"code":0,"data":data}}, as the stream's frames are. */
  static ObjectNode frame(JsonNode data) {
    ObjectNode frame = Json.object();
    frame.put("code", 0);
    frame.set("data", data);
    return frame;
  }
}
