package dev.lectern.application.port.in.task;

import dev.lectern.domain.task.Task;

/**
 * Use case: cancel a task. A pending task ends CANCELLED at once; a running one stops at its next
 * safe point, leaving nothing half-written; a finished task is returned unchanged.
 */
public interface CancelTaskUseCase {
  Task cancel(String orgId, String taskId);
}
