package dev.lectern.adapters.http.common;

import dev.lectern.application.error.PayloadTooLarge;
import dev.lectern.application.error.TooManyRequests;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Admits answer requests by the memory they may hold, so that no mix of them can exhaust the heap:
 * each request takes, when its body starts to arrive, a reserve for its answer and what its
 * declared body costs, in one step (more as a body of no declared length is read), from one budget.
 * A request that cannot have what it needs within a short wait is refused with 429 and {@code
 * Retry-After}; one that could never have it is too large (413); what it held goes back when it
 * ends.
 */
public final class AnswerAdmission {
  /**
   * How much memory answer requests may hold at once, and what each costs.
   *
   * @param budgetBytes all answer requests in flight together
   * @param answerReserveBytes what one request holds from its start: its answer as it grows, the
   *     prompt and the passages
   * @param bytesPerBodyByte what each byte of a body costs once parsed and passed on (the tree, the
   *     prompt built from it, the request to the model)
   * @param maxWait how long a request may wait for room before it is refused
   */
  public record Settings(
      long budgetBytes, long answerReserveBytes, int bytesPerBodyByte, Duration maxWait) {
    public Settings {
      if (budgetBytes < 1 || answerReserveBytes < 0 || bytesPerBodyByte < 1) {
        throw new IllegalArgumentException("answer admission settings must be positive");
      }
    }
  }

  private final Settings settings;
  private final ReentrantLock lock = new ReentrantLock(true);
  private final Condition freed = lock.newCondition();
  private long used;

  public AnswerAdmission(Settings settings) {
    this.settings = settings;
  }

  /** Bytes held by the requests in flight. */
  public long inUse() {
    lock.lock();
    try {
      return used;
    } finally {
      lock.unlock();
    }
  }

  /** A new request's ticket, holding the answer reserve and what {@code bodyBytes} cost. */
  Ticket admit(long bodyBytes) {
    Ticket ticket = new Ticket();
    ticket.take(settings.answerReserveBytes() + costOfBody(bodyBytes));
    return ticket;
  }

  /** The largest body a request can ever be admitted with, beside its answer's reserve. */
  long largestBody() {
    return Math.max(0, settings.budgetBytes() - settings.answerReserveBytes())
        / settings.bytesPerBodyByte();
  }

  /** What reading {@code bodyBytes} of a body costs. */
  long costOfBody(long bodyBytes) {
    return Math.multiplyExact(bodyBytes, (long) settings.bytesPerBodyByte());
  }

  private void acquire(long bytes, long held) {
    if (held + bytes > settings.budgetBytes()) {
      throw new PayloadTooLarge(
          "body: larger than this server can hold in memory while it answers", "body");
    }
    long left = settings.maxWait().toNanos();
    lock.lock();
    try {
      while (used + bytes > settings.budgetBytes()) {
        if (left <= 0) {
          throw busy();
        }
        left = freed.awaitNanos(left);
      }
      used += bytes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    } finally {
      lock.unlock();
    }
  }

  private void release(long bytes) {
    if (bytes == 0) {
      return;
    }
    lock.lock();
    try {
      used -= bytes;
      freed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private static TooManyRequests busy() {
    return new TooManyRequests(
        "the server is answering as many requests as its memory allows; try again shortly");
  }

  /** What one request holds; closing it gives everything back. */
  final class Ticket implements AutoCloseable {
    private long held;
    private boolean closed;

    /**
     * Takes {@code bytes} more, waiting for room; refused with 429 when none comes in time, with
     * 413 when the budget could never hold it.
     */
    void take(long bytes) {
      if (bytes <= 0) {
        return;
      }
      acquire(bytes, held);
      held += bytes;
    }

    long held() {
      return held;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        release(held);
        held = 0;
      }
    }
  }
}
