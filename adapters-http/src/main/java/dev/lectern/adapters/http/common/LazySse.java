package dev.lectern.adapters.http.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Duration;

/**
 * An event stream that begins with its first event (or when {@link #begin()} is called): until then
 * the response is still free for a plain JSON error with its own status.
 */
public final class LazySse {
  private final Context ctx;
  private final SseWriter.Framing framing;
  private SseWriter sse;
  private Runnable onBegin = () -> {};

  public LazySse(Context ctx, SseWriter.Framing framing) {
    this.ctx = ctx;
    this.framing = framing;
  }

  /** Begins the stream now, before its first event. */
  public void begin() {
    writer();
  }

  /** Once the stream has begun, the event {@code name} whenever it was quiet for {@code idle}. */
  public void pingWhenIdle(Duration idle, String name, JsonNode data) {
    onBegin = () -> sse.pingWhenIdle(idle, name, data);
  }

  public void event(JsonNode data) {
    writer().event(null, data);
  }

  /** An event named {@code name} (in the framing that names events). */
  public void event(String name, JsonNode data) {
    writer().event(name, data);
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

  /** Stops any pings; the stream itself ends with its response. */
  public void close() {
    if (sse != null) {
      sse.close();
    }
  }

  /** The request, as a log names it. */
  String request() {
    return ctx.method() + " " + ctx.path();
  }

  private SseWriter writer() {
    if (sse == null) {
      sse = SseWriter.start(ctx, framing);
      onBegin.run();
    }
    return sse;
  }
}
