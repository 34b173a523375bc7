package dev.lectern.application.service.task;

import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.task.CancelTaskUseCase;
import dev.lectern.application.port.in.task.FindTaskUseCase;
import dev.lectern.application.port.in.task.ListTasksCommand;
import dev.lectern.application.port.in.task.ListTasksUseCase;
import dev.lectern.application.port.out.TaskQueue;
import dev.lectern.domain.task.Task;
import dev.lectern.domain.task.TaskId;
import dev.lectern.domain.task.TaskStatus;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** Service: lists, finds and cancels tasks for operators. */
public final class TaskAdminService
    implements ListTasksUseCase, FindTaskUseCase, CancelTaskUseCase {
  private final TaskQueue queue;
  private final Clock clock;

  public TaskAdminService(TaskQueue queue, Clock clock) {
    this.queue = queue;
    this.clock = clock;
  }

  @Override
  public TaskListing list(ListTasksCommand command) {
    TaskQueue.Listing listing =
        queue.list(
            new TaskQueue.Query(
                command.orgId(), command.status(), command.kind(), command.limit()));
    Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
    for (TaskStatus status : TaskStatus.values()) {
      counts.put(status, listing.counts().getOrDefault(status, 0L));
    }
    return new TaskListing(listing.tasks(), counts);
  }

  @Override
  public Task find(String orgId, String taskId) {
    return TaskId.parse(taskId)
        .flatMap(id -> queue.find(orgId, id))
        .orElseThrow(() -> notFound(taskId));
  }

  @Override
  public Task cancel(String orgId, String taskId) {
    return TaskId.parse(taskId)
        .flatMap(id -> queue.cancel(orgId, id, clock.instant()))
        .orElseThrow(() -> notFound(taskId));
  }

  /** The error for a task id nobody knows (or another org's). */
  public static NotFound notFound(String taskId) {
    return new NotFound("task '" + taskId + "' not found", "task_id");
  }
}
