package dev.lectern.application.service.health;

import dev.lectern.application.port.in.health.CheckHealthUseCase;
import dev.lectern.application.port.in.health.HealthReport;
import dev.lectern.application.port.out.HealthIndicator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Service: asks every part whether it works. The answer is kept for a moment, so that a probe
 * hammered by many clients (it needs no token) costs the database one query per interval.
 */
public final class CheckHealthService implements CheckHealthUseCase {
  private record Cached(HealthReport report, Instant at) {}

  private final List<HealthIndicator> indicators;
  private final Clock clock;
  private final Duration reuse;
  private volatile Cached cached;

  public CheckHealthService(List<HealthIndicator> indicators, Clock clock, Duration reuse) {
    this.indicators = List.copyOf(indicators);
    this.clock = clock;
    this.reuse = reuse;
  }

  @Override
  public HealthReport check() {
    Instant now = clock.instant();
    Cached last = cached;
    if (last != null && last.at().plus(reuse).isAfter(now)) {
      return last.report();
    }
    synchronized (this) {
      last = cached;
      if (last != null && last.at().plus(reuse).isAfter(now)) {
        return last.report();
      }
      List<String> problems = new ArrayList<>();
      for (HealthIndicator indicator : indicators) {
        problems.addAll(probe(indicator).stream().toList());
      }
      HealthReport report = new HealthReport(problems);
      cached = new Cached(report, clock.instant());
      return report;
    }
  }

  private static Optional<String> probe(HealthIndicator indicator) {
    try {
      return indicator.problem();
    } catch (RuntimeException e) {
      return Optional.of("a health probe failed");
    }
  }
}
