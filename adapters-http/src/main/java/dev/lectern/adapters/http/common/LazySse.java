package dev.lectern.adapters.http.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/**
 * An event stream that begins with its first event: until then the response is still free for a
 * plain JSON error with its own status.
 */
public final class LazySse {
  private final Context ctx;
  private final SseWriter.Framing framing;
  private SseWriter sse;

  public LazySse(Context ctx, SseWriter.Framing framing) {
    this.ctx = ctx;
    this.framing = framing;
  }

  /** Begins the stream now, before its first event. */
  public void begin() {
    writer();
  }

  public void event(JsonNode data) {
    writer().event(null, data);
  }

  /** The framing's end of stream, if it has one. */
  public void done() {
    writer().done();
  }

  public boolean begun() {
    return sse != null;
  }

  public boolean clientGone() {
    return sse != null && sse.clientGone();
  }

  private SseWriter writer() {
    if (sse == null) {
      sse = SseWriter.start(ctx, framing);
    }
    return sse;
  }
}
