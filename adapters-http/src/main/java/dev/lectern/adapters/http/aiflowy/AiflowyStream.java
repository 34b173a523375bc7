package dev.lectern.adapters.http.aiflowy;

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
  private final Context ctx;
  private SseWriter sse;
  private String pending;
  private boolean sent;

  AiflowyStream(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public void onDelta(String text) {
    begin();
    // Each piece waits for the next, so that the last one can be sent as END.
    if (pending != null) {
      send(sent ? "MIDDLE" : "START", pending);
    }
    pending = text;
  }

  @Override
  public void onComplete(Answer answer) {
    begin();
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
    sse.event(null, failure.body());
  }

  boolean begun() {
    return sse != null;
  }

  @Override
  public boolean cancelled() {
    return sse != null && sse.clientGone();
  }

  private void begin() {
    if (sse == null) {
      sse = SseWriter.start(ctx, SseWriter.Framing.TIGHT);
    }
  }

  private void send(String status, String content) {
    sent = true;
    sse.event(null, AiflowyWire.chunk(status, content));
  }
}
