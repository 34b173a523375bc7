package dev.lectern.application.service.task;

import dev.lectern.application.error.Conflict;
import dev.lectern.application.error.TooManyRequests;
import dev.lectern.application.port.out.TaskEvents;
import dev.lectern.application.port.out.TaskQueue;
import dev.lectern.domain.task.Task;
import dev.lectern.domain.task.TaskId;
import dev.lectern.domain.task.TaskKind;
import dev.lectern.domain.task.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Service: puts new tasks in the queue. Refuses with a conflict when the subject already has an
 * unfinished task, and with too-many-requests when the queue is full; never drops what it accepted.
 */
public final class TaskSubmitter {
  /** Queue limits. */
  public record Limits(long maxPending, int maxAttempts) {
    public Limits {
      if (maxPending < 1 || maxAttempts < 1) {
        throw new IllegalArgumentException("maxPending and maxAttempts must be at least 1");
      }
    }
  }

  private final TaskQueue queue;
  private final TaskEvents events;
  private final Clock clock;
  private final Limits limits;
  private final Runnable nudge;

  /** {@code nudge} wakes a worker after a submission. */
  public TaskSubmitter(
      TaskQueue queue, TaskEvents events, Clock clock, Limits limits, Runnable nudge) {
    this.queue = queue;
    this.events = events;
    this.clock = clock;
    this.limits = limits;
    this.nudge = nudge;
  }

  /**
   * Submits a task, or throws {@link Conflict} with {@code busyMessage} naming {@code busyField}
   * when its subject is busy.
   */
  public TaskId submit(
      String orgId,
      TaskKind kind,
      String subject,
      Map<String, Object> payload,
      String busyMessage,
      String busyField) {
    Task task =
        Task.submitted(
            TaskId.random(), orgId, kind, subject, payload, limits.maxAttempts(), clock.instant());
    switch (queue.submit(task, limits.maxPending())) {
      case SUBJECT_BUSY -> throw new Conflict(busyMessage, busyField);
      case QUEUE_FULL ->
          throw new TooManyRequests(
              "the task queue is full ("
                  + limits.maxPending()
                  + " tasks pending); retry when it has drained");
      case ACCEPTED -> {}
    }
    events.transitioned(
        new TaskEvents.Transition(
            task.id(),
            orgId,
            kind,
            null,
            TaskStatus.PENDING,
            0,
            Duration.ZERO,
            Map.of(),
            subject == null ? "" : subject));
    nudge.run();
    return task.id();
  }
}
