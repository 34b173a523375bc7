package dev.lectern.application.service.task;

import dev.lectern.domain.task.Task;
import java.util.Map;

/**
 * Runs tasks of one kind. A handler calls {@link TaskContext#stopPoint} between its stages and
 * leaves nothing half-written when it stops there; it may throw any {@code LecternException} to
 * fail the task (client mistakes fail at once, passing troubles are retried).
 */
public interface TaskHandler {
  /** Does the work; answers the result stored on the task (JSON-like values). */
  Map<String, Object> run(Task task, TaskContext context);
}
