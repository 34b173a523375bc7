package dev.lectern.adapters.http.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong();
  private final RateLimiter limiter = new RateLimiter(3, 1000, Duration.ofSeconds(60), now::get);

  @Test
  void callsPastTheWindowsCountAreRefusedUntilTheNextWindow() {
    assertThat(limiter.acquire("a")).isEmpty();
    assertThat(limiter.acquire("a")).isEmpty();
    assertThat(limiter.acquire("a")).isEmpty();
    now.set(Duration.ofSeconds(20).toNanos());

    assertThat(limiter.acquire("a")).hasValue(Duration.ofSeconds(40));
    assertThat(limiter.acquire("b")).as("another address").isEmpty();
    now.set(Duration.ofSeconds(61).toNanos());
    assertThat(limiter.acquire("a")).isEmpty();
  }

  @Test
  void callsThatStoredTheWindowsBytesStopTheNextOnesWhateverTheirCount() {
    assertThat(limiter.acquire("a")).isEmpty();
    limiter.charge("a", 999);
    assertThat(limiter.acquire("a")).isEmpty();
    limiter.charge("a", 1);

    assertThat(limiter.acquire("a")).isPresent();
    limiter.charge("never-called", 5000);
    assertThat(limiter.acquire("never-called")).as("bytes count only after a call").isEmpty();
    now.set(Duration.ofSeconds(60).toNanos());
    assertThat(limiter.acquire("a")).as("a new window").isEmpty();
  }
}
