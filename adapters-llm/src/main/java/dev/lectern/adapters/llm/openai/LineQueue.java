package dev.lectern.adapters.llm.openai;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * A response body as lines, read with a time limit: the HTTP client pushes bytes in, the caller
 * polls lines out and can give up (cancel the exchange) at any time. At most a few thousand lines
 * wait before the client is asked for more.
 */
final class LineQueue implements Flow.Subscriber<List<ByteBuffer>> {
  /** Polling ends: the body is complete. */
  static final String END = new String("end of body");

  /** A longer line is no server's answer: the exchange is stopped. */
  static final int MAX_LINE_CHARS = 8 * 1024 * 1024;

  private static final int HIGH = 4096;
  private static final int LOW = 256;

  private final ArrayDeque<String> lines = new ArrayDeque<>();
  private final StringBuilder partial = new StringBuilder();
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private Flow.Subscription subscription;
  private boolean waitingForRoom;
  private boolean ended;
  private Throwable failure;
  private boolean cancelled;

  @Override
  public synchronized void onSubscribe(Flow.Subscription given) {
    subscription = given;
    if (cancelled) {
      given.cancel();
    } else {
      given.request(1);
    }
  }

  @Override
  public synchronized void onNext(List<ByteBuffer> buffers) {
    for (ByteBuffer buffer : buffers) {
      CharBuffer chars = CharBuffer.allocate((int) (buffer.remaining() * 1.1) + 8);
      decoder.decode(buffer, chars, false);
      chars.flip();
      split(chars);
    }
    if (lines.size() < HIGH) {
      subscription.request(1);
    } else {
      waitingForRoom = true;
    }
    notifyAll();
  }

  @Override
  public synchronized void onError(Throwable error) {
    failure = error;
    notifyAll();
  }

  @Override
  public synchronized void onComplete() {
    if (!partial.isEmpty()) {
      lines.add(partial.toString());
      partial.setLength(0);
    }
    ended = true;
    notifyAll();
  }

  /**
   * The next line, {@link #END} when the body is complete, or null when none came within the time
   * given.
   *
   * @throws IOException when the exchange failed
   */
  synchronized String poll(long timeout, TimeUnit unit) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (lines.isEmpty() && !ended && failure == null) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    if (!lines.isEmpty()) {
      String line = lines.poll();
      if (waitingForRoom && lines.size() < LOW) {
        waitingForRoom = false;
        subscription.request(1);
      }
      return line;
    }
    if (failure != null) {
      throw failure instanceof IOException io ? io : new IOException(failure);
    }
    return END;
  }

  /** Stops the exchange: no more bytes are wanted. */
  synchronized void cancel() {
    cancelled = true;
    if (subscription != null) {
      subscription.cancel();
    }
    notifyAll();
  }

  private void split(CharBuffer chars) {
    while (chars.hasRemaining()) {
      char c = chars.get();
      if (c == '\n') {
        int end = partial.length();
        if (end > 0 && partial.charAt(end - 1) == '\r') {
          partial.setLength(end - 1);
        }
        lines.add(partial.toString());
        partial.setLength(0);
      } else if (partial.length() < MAX_LINE_CHARS) {
        partial.append(c);
      } else if (failure == null) {
        failure =
            new IOException(
                "a line of the answer is longer than " + MAX_LINE_CHARS + " characters");
        cancel();
        return;
      }
    }
  }
}
