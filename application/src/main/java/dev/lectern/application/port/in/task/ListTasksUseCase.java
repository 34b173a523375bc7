package dev.lectern.application.port.in.task;

import dev.lectern.domain.task.Task;
import dev.lectern.domain.task.TaskStatus;
import java.util.List;
import java.util.Map;

/** Use case: list background tasks with how many are in each status. */
public interface ListTasksUseCase {
  /** The tasks, and counts per status over the org and kind (the status filter aside). */
  record TaskListing(List<Task> tasks, Map<TaskStatus, Long> counts) {}

  TaskListing list(ListTasksCommand command);
}
