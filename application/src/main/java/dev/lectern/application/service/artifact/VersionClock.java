package dev.lectern.application.service.artifact;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Issues revision versions: microseconds since the epoch, strictly increasing per process. */
final class VersionClock {
  private final Clock clock;
  private final AtomicLong last = new AtomicLong();

  VersionClock(Clock clock) {
    this.clock = clock;
  }

  long next() {
    Instant now = clock.instant();
    long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    return last.updateAndGet(previous -> Math.max(previous + 1, micros));
  }
}
