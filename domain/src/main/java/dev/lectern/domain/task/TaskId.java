package dev.lectern.domain.task;

import java.util.Optional;
import java.util.UUID;

/** Value: a task's id, a random UUID in its canonical lower-case form. */
public record TaskId(String value) {
  public TaskId {
    if (!canonical(value)) {
      throw new IllegalArgumentException("task id must be a canonical UUID");
    }
  }

  public static TaskId random() {
    return new TaskId(UUID.randomUUID().toString());
  }

  /** The id spelled by {@code text}, if it is a canonical UUID. */
  public static Optional<TaskId> parse(String text) {
    return canonical(text) ? Optional.of(new TaskId(text)) : Optional.empty();
  }

  private static boolean canonical(String text) {
    if (text == null || text.length() != 36) {
      return false;
    }
    try {
      return UUID.fromString(text).toString().equals(text);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
