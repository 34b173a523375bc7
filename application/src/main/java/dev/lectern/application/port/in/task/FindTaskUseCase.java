package dev.lectern.application.port.in.task;

import dev.lectern.domain.task.Task;

/** Use case: one task of an org, or not found. */
public interface FindTaskUseCase {
  Task find(String orgId, String taskId);
}
