package dev.lectern.domain.task;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a task is in its life: queued, running, or finished one of three ways. */
public enum TaskStatus {
  PENDING,
  RUNNING,
  SUCCESS,
  FAILURE,
  CANCELLED;

  /** Whether the task will never run again. */
  public boolean finished() {
    return this == SUCCESS || this == FAILURE || this == CANCELLED;
  }

  /** Parses a status name in any letter case. */
  public static Optional<TaskStatus> fromName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String upper = name.toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(status -> status.name().equals(upper)).findFirst();
  }
}
