package dev.lectern.domain.task;

import java.time.Duration;
import java.util.Optional;

/**
 * Policy: how often a task that failed for a passing reason is tried again, and how long it waits
 * in between: the delay doubles with each attempt, up to {@code maxDelay}.
 */
public record RetrySchedule(int maxAttempts, Duration firstDelay, Duration maxDelay) {
  public static final RetrySchedule DEFAULT =
      new RetrySchedule(3, Duration.ofSeconds(2), Duration.ofMinutes(5));

  public RetrySchedule {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("delays must satisfy 0 <= firstDelay <= maxDelay");
    }
  }

  /**
   * The wait before the next attempt after attempt number {@code attempts} failed, or empty when
   * the task has used all its attempts.
   */
  public Optional<Duration> delayAfter(int attempts, int allowedAttempts) {
    if (attempts >= allowedAttempts) {
      return Optional.empty();
    }
    int doublings = Math.max(0, Math.min(attempts - 1, 30));
    Duration delay = firstDelay.multipliedBy(1L << doublings);
    return Optional.of(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
  }
}
