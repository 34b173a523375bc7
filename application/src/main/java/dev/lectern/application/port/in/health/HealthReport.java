package dev.lectern.application.port.in.health;

import java.util.List;

/** What a health check found: nothing wrong, or a plain description of each problem. */
public record HealthReport(List<String> problems) {
  public HealthReport {
    problems = List.copyOf(problems);
  }

  public boolean healthy() {
    return problems.isEmpty();
  }
}
