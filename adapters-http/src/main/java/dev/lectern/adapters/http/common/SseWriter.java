package dev.lectern.adapters.http.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes server-sent events in a dialect's framing, each flushed at once. A client that went away
 * makes writes no-ops and {@link #clientGone()} true, which is what a stream's sink reports as
 * cancelled, so that the model upstream stops too.
 */
public final class SseWriter {
  /** How a dialect frames its events. */
  public enum Framing {
    /** {@code data: <json>} and a final {@code data: [DONE]} (OpenAI, Timeweb). */
    OPENAI("data: ", "data: [DONE]\n\n"),
    /** {@code event: <name>} then {@code data: <json>}, no terminator (Zylon, Anthropic). */
    NAMED("data: ", null),
    /** {@code data:<json>} without a space (RAGFlow, AIFlowy); no terminator of its own. */
    TIGHT("data:", null),
    /** {@code data:<json>} without a space and a final {@code data:[DONE]} (RAGFlow's OpenAI). */
    TIGHT_DONE("data:", "data:[DONE]\n\n");

    private final String dataPrefix;
    private final String terminator;

    Framing(String dataPrefix, String terminator) {
      this.dataPrefix = dataPrefix;
      this.terminator = terminator;
    }
  }

  private static final ScheduledExecutorService PINGS =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "sse-pings");
            thread.setDaemon(true);
            return thread;
          });

  private final OutputStream out;
  private final Framing framing;
  private volatile boolean gone;
  private volatile long lastWrite = System.nanoTime();
  private ScheduledFuture<?> pings;
  private final ReentrantLock writing = new ReentrantLock();

  public SseWriter(OutputStream out, Framing framing) {
    this.out = out;
    this.framing = framing;
  }

  /** Sets the event-stream headers on a response and writes to its body. */
  public static SseWriter start(Context ctx, Framing framing) {
    ctx.status(200);
    ctx.header("Content-Type", "text/event-stream; charset=utf-8");
    ctx.header("Cache-Control", "no-cache");
    ctx.header("X-Accel-Buffering", "no");
    try {
      // The servlet stream itself: Javalin's compressing wrapper never passes flush() on, so
      // events would wait in the server's buffer (and a client's leaving would go unnoticed).
      return new SseWriter(ctx.res().getOutputStream(), framing);
    } catch (IOException e) {
      throw new UncheckedIOException("the response cannot be written", e);
    }
  }

  /** One event; {@code name} is written only in the named framing. */
  public void event(String name, JsonNode data) {
    try {
      String json = Json.MAPPER.writeValueAsString(data);
      StringBuilder frame = new StringBuilder(json.length() + 32);
      if (framing == Framing.NAMED && name != null) {
        frame.append("event: ").append(name).append('\n');
      }
      frame.append(framing.dataPrefix).append(json).append("\n\n");
      write(frame.toString());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** The framing's end of stream, if it has one. */
  public void done() {
    if (framing.terminator != null) {
      write(framing.terminator);
    }
  }

  /** A comment line, which clients ignore: keeps idle connections open. */
  public void keepAlive() {
    write(": ping\n\n");
  }

  /**
   * Writes the event {@code name} whenever nothing was written for {@code idle}, until {@link
   * #close()}: a quiet model keeps the connection (and any proxy on the way) open.
   */
  public synchronized void pingWhenIdle(Duration idle, String name, JsonNode data) {
    long idleNanos = idle.toNanos();
    long check = Math.max(1, idleNanos / 3);
    pings =
        PINGS.scheduleWithFixedDelay(
            () -> {
              // A stream whose writer is blocked (a client that stopped reading) is skipped, so
              // that it holds up neither this thread nor the other streams' pings.
              if (System.nanoTime() - lastWrite >= idleNanos && writing.tryLock()) {
                try {
                  event(name, data);
                } finally {
                  writing.unlock();
                }
              }
            },
            check,
            check,
            TimeUnit.NANOSECONDS);
  }

  /** Stops the pings; the stream itself ends with its response. */
  public synchronized void close() {
    if (pings != null) {
      pings.cancel(false);
    }
  }

  public boolean clientGone() {
    return gone;
  }

  private void write(String frame) {
    writing.lock();
    try {
      if (gone) {
        return;
      }
      out.write(frame.getBytes(StandardCharsets.UTF_8));
      out.flush();
      lastWrite = System.nanoTime();
    } catch (IOException e) {
      gone = true;
      close();
    } finally {
      writing.unlock();
    }
  }
}
