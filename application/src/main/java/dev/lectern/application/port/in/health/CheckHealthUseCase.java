package dev.lectern.application.port.in.health;

/** Use case: whether the server can do its work, and if not, what is wrong. */
public interface CheckHealthUseCase {
  HealthReport check();
}
