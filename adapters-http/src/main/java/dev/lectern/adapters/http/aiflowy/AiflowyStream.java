package dev.lectern.adapters.http.aiflowy;

import dev.lectern.adapters.http.common.LazySse;
import dev.lectern.adapters.http.common.SseAnswer;
import dev.lectern.adapters.http.common.SseWriter;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.port.in.answer.Answer;
import io.javalin.http.Context;

/**
 * An answer as AIFlowy streams it: {@code data:<json>} frames, the first {@code START}, the last
 * {@code END} (its content may be empty), {@code MIDDLE} between, no {@code [DONE]}. The stream
 * begins with the answer, so a failure before it (a bad key, a bot gone) is a plain JSON error.
 */
final class AiflowyStream extends SseAnswer {
  private String pending;
  private boolean sent;

  AiflowyStream(Context ctx) {
    super(new LazySse(ctx, SseWriter.Framing.TIGHT));
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
  @Override
  protected void failInStream(LecternException error) {
    if (pending != null) {
      send(sent ? "MIDDLE" : "START", pending);
      pending = null;
    }
    sse.event(AiflowyErrorRenderer.translate(error).body());
  }

  private void send(String status, String content) {
    sent = true;
    sse.event(AiflowyWire.chunk(status, content));
  }
}
