package dev.lectern.application.port.out;

import java.util.Optional;

/** Port: a part of the server that can tell whether it works. */
public interface HealthIndicator {
  /** What is wrong, in plain words that are safe to show anyone; empty when it works. */
  Optional<String> problem();
}
