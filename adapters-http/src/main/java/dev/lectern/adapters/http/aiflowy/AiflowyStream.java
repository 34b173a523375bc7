package dev.lectern.adapters.http.aiflowy;

import dev.lectern.adapters.http.common.LazySse;
import dev.lectern.adapters.http.common.SseWriter;
import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.application.port.in.answer.AnswerSink;
import io.javalin.http.Context;

/**
 * An answer as AIFlowy streams it: {@code data:<json>} frames, the first {@code START}, the last
 * {@code END} (its content may be empty), {@code MIDDLE} between, no {@code [DONE]}. The stream
 * begins with the answer, so a failure before it (a bad key, a bot gone) is a plain JSON error.
 */
final class AiflowyStream implements AnswerSink {
  private final LazySse sse;
  private String pending;
  private boolean sent;

  AiflowyStream(Context ctx) {
    this.sse = new LazySse(ctx, SseWriter.Framing.TIGHT);
  }

  @Override
  public void onDelta(String text) {
    sse.begin();
    // Each piece waits for the next, so that the last one can be sent as END.
    if (pending != null) {
      send(sent ? "MIDDLE" : "START", pending);
    }
    pending = text;
  }

  @Override
  public void onComplete(Answer answer) {
    if (!sent) {
      send("START", pending == null ? "" : pending);
      pending = "";
    }
    send("END", pending == null ? "" : pending);
    pending = null;
  }

  /** A failure once the stream has begun: one error frame; the connection closes after it. */
  void fail(AiflowyErrorRenderer.Failure failure) {
    if (pending != null) {
      send(sent ? "MIDDLE" : "START", pending);
      pending = null;
    }
    sse.event(failure.body());
  }

  boolean begun() {
    return sse.begun();
  }

  @Override
  public boolean cancelled() {
    return sse.clientGone();
  }

  private void send(String status, String content) {
    sent = true;
    sse.event(AiflowyWire.chunk(status, content));
  }
}
