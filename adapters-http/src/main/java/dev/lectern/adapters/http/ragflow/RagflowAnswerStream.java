package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.LazySse;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.port.in.answer.Answer;

/**
 * An answer as RAGFlow streams it: each piece of text is a frame whose {@code answer} is that piece
 * (v0.24's delta answers), and a final frame carries the reference with {@code final:true}.
 */
final class RagflowAnswerStream extends RagflowCitedAnswer {
  private final String sessionId;
  private String messageId;

  /** {@code sse} has begun: RAGFlow opens the stream before the answer. */
  RagflowAnswerStream(LazySse sse, String sessionId, boolean quote) {
    super(sse, quote);
    this.sessionId = sessionId;
  }

  @Override
  public void onStart(String questionId, String answerId) {
    // RAGFlow names a turn by its question's id, in every frame of the answer.
    messageId = questionId;
  }

  @Override
  void end(Answer answer, String text) {
    ObjectNode data = data("", RagflowReferences.reference(answer.references()));
    data.put("prompt", "");
    data.put("created_at", System.currentTimeMillis() / 1000.0);
    data.put("final", true);
    sse.event(RagflowConverseHandlers.frame(data));
  }

  @Override
  void failed(LecternException error) {
    sse.event(RagflowErrorRenderer.streamed(error));
  }

  @Override
  void piece(String piece) {
    ObjectNode reference = Json.object();
    reference.putArray("chunks");
    ObjectNode data = data(piece, reference);
    data.put("final", false);
    sse.event(RagflowConverseHandlers.frame(data));
  }

  private ObjectNode data(String answer, ObjectNode reference) {
    ObjectNode data = Json.object();
    data.put("answer", answer);
    data.set("reference", reference);
    data.putNull("audio_binary");
    data.put("id", messageId);
    data.put("session_id", sessionId);
    return data;
  }
}
