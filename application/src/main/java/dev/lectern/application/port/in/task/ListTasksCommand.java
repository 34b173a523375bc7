package dev.lectern.application.port.in.task;

import dev.lectern.domain.task.TaskKind;
import dev.lectern.domain.task.TaskStatus;

/**
 * Input of {@link ListTasksUseCase}.
 *
 * @param orgId the org whose tasks to list; null for every org (super-admin only)
 * @param status only tasks in this status; null for all
 * @param kind only tasks of this kind; null for all
 * @param limit at most this many tasks, newest first (1–1000)
 */
public record ListTasksCommand(String orgId, TaskStatus status, TaskKind kind, int limit) {
  public static final int MAX_LIMIT = 1000;
  public static final int DEFAULT_LIMIT = 100;

  public ListTasksCommand {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT);
    }
  }
}
