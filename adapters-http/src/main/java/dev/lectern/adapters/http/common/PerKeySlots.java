package dev.lectern.adapters.http.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many requests one key (a client address) may have in flight at once, in this process: a
 * caller without a token cannot hold many of the server's answers while it sends slowly.
 */
public final class PerKeySlots {
  private final int perKey;
  private final Map<String, Integer> held = new ConcurrentHashMap<>();

  public PerKeySlots(int perKey) {
    if (perKey < 1) {
      throw new IllegalArgumentException("perKey must be positive");
    }
    this.perKey = perKey;
  }

  /** Takes a slot for the key; false when it holds all of its own. */
  public boolean tryAcquire(String key) {
    boolean[] taken = {false};
    held.compute(
        key,
        (k, n) -> {
          int now = n == null ? 0 : n;
          if (now >= perKey) {
            return n;
          }
          taken[0] = true;
          return now + 1;
        });
    return taken[0];
  }

  /** Gives back a slot the key took. */
  public void release(String key) {
    held.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
  }

  /** Keys that hold a slot now (empty keys are not kept). */
  int keys() {
    return held.size();
  }
}
