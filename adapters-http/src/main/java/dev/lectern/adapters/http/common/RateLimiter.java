package dev.lectern.adapters.http.common;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Calls, and bytes they stored, allowed per key (a client address) in each fixed window of time, in
 * this process. A call is refused once the key made its calls of the window, or once the calls
 * before it stored the window's bytes. Memory stays bounded: ended windows are dropped (at most
 * once a window), and past a hard cap of keys a new key is refused until room is made.
 */
public final class RateLimiter {
  private record Window(long start, int calls, long bytes) {}

  private static final int PRUNE_ABOVE = 10_000;
  private static final int MAX_KEYS = 100_000;

  private final int perWindow;
  private final long bytesPerWindow;
  private final long windowNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private volatile long prunedAt;

  public RateLimiter(int perWindow, Duration window) {
    this(perWindow, Long.MAX_VALUE, window);
  }

  public RateLimiter(int perWindow, long bytesPerWindow, Duration window) {
    this(perWindow, bytesPerWindow, window, System::nanoTime);
  }

  RateLimiter(int perWindow, long bytesPerWindow, Duration window, LongSupplier nanoTime) {
    if (perWindow < 1 || bytesPerWindow < 1) {
      throw new IllegalArgumentException("perWindow and bytesPerWindow must be positive");
    }
    this.perWindow = perWindow;
    this.bytesPerWindow = bytesPerWindow;
    this.windowNanos = window.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Counts a call; empty when it is allowed, else how long until the next window. */
  public Optional<Duration> acquire(String key) {
    long now = nanoTime.getAsLong();
    if (windows.size() > PRUNE_ABOVE && now - prunedAt >= windowNanos) {
      prunedAt = now;
      windows.values().removeIf(w -> now - w.start() >= windowNanos);
    }
    if (windows.size() >= MAX_KEYS && !windows.containsKey(key)) {
      return Optional.of(Duration.ofNanos(windowNanos));
    }
    Window window =
        windows.compute(
            key,
            (k, current) ->
                current == null || now - current.start() >= windowNanos
                    ? new Window(now, 1, 0)
                    : new Window(current.start(), current.calls() + 1, current.bytes()));
    if (window.calls() <= perWindow && window.bytes() < bytesPerWindow) {
      return Optional.empty();
    }
    long left = windowNanos - (now - window.start());
    return Optional.of(Duration.ofNanos(Math.max(left, 0)));
  }

  /** Counts the bytes an allowed call stored against its key's window. */
  public void charge(String key, long bytes) {
    long now = nanoTime.getAsLong();
    windows.computeIfPresent(
        key,
        (k, current) ->
            now - current.start() >= windowNanos
                ? current
                : new Window(current.start(), current.calls(), current.bytes() + bytes));
  }
}
