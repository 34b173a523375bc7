package dev.lectern.application.service.task;

import dev.lectern.application.error.LecternException;
import dev.lectern.application.port.out.TaskEvents;
import dev.lectern.application.port.out.TaskQueue;
import dev.lectern.domain.task.RetrySchedule;
import dev.lectern.domain.task.Task;
import dev.lectern.domain.task.TaskId;
import dev.lectern.domain.task.TaskKind;
import dev.lectern.domain.task.TaskStatus;
import dev.lectern.domain.text.TextLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Service: the task engine. Workers claim tasks from the persisted queue, run them with the handler
 * of their kind, and end them: SUCCESS; FAILURE at once for a client mistake; back to the queue
 * with a growing delay for a passing trouble until the attempts run out; CANCELLED when a user
 * asked; back to the queue, attempt not counted, when the server stops.
 */
public final class TaskEngine {
  /** Tries at recording a result, with pauses of 0.1, 0.4 and 0.9 s between them. */
  private static final int RECORD_ATTEMPTS = 4;

  /**
   * How the engine runs.
   *
   * @param node this process's worker name; tasks it held when it died are re-queued at start
   */
  public record Settings(
      String node,
      int workers,
      Duration lease,
      Duration heartbeat,
      Duration idlePoll,
      RetrySchedule retry) {
    public Settings {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1");
      }
      if (heartbeat.compareTo(lease) >= 0) {
        throw new IllegalArgumentException("heartbeat must be shorter than the lease");
      }
    }
  }

  private final TaskQueue queue;
  private final Map<TaskKind, TaskHandler> handlers;
  private final TaskEvents events;
  private final Clock clock;
  private final Settings settings;
  private final BiConsumer<String, Throwable> faults;
  private final Map<TaskId, TaskContext> running = new ConcurrentHashMap<>();
  private volatile boolean stopping;

  public TaskEngine(
      TaskQueue queue,
      Map<TaskKind, TaskHandler> handlers,
      TaskEvents events,
      Clock clock,
      Settings settings) {
    this(queue, handlers, events, clock, settings, (what, error) -> {});
  }

  /**
   * @param faults told, with a description, about failures whose details belong in the log only
   */
  public TaskEngine(
      TaskQueue queue,
      Map<TaskKind, TaskHandler> handlers,
      TaskEvents events,
      Clock clock,
      Settings settings,
      BiConsumer<String, Throwable> faults) {
    this.queue = queue;
    this.handlers = Map.copyOf(handlers);
    this.events = events;
    this.clock = clock;
    this.settings = settings;
    this.faults = faults;
  }

  public Settings settings() {
    return settings;
  }

  /** Re-queues what this node held when it last stopped, and tasks whose lease ran out. */
  public int recover() {
    return queue.recover(settings.node(), clock.instant());
  }

  /** Claims one due task and runs it on the calling thread; false when none was due. */
  public boolean runOne() {
    if (stopping) {
      return false;
    }
    Instant now = clock.instant();
    Optional<TaskQueue.Claimed> claimed =
        queue.claim(settings.node(), now, now.plus(settings.lease()));
    if (claimed.isEmpty()) {
      return false;
    }
    execute(claimed.get());
    return true;
  }

  /** Extends the leases of running tasks, hears cancellations, re-queues tasks of dead nodes. */
  public void heartbeat() {
    if (!running.isEmpty()) {
      List<TaskQueue.Claimed> claims = running.values().stream().map(TaskContext::claimed).toList();
      Map<TaskId, TaskQueue.Signal> signals =
          queue.renew(claims, clock.instant().plus(settings.lease()));
      signals.forEach(
          (id, signal) -> {
            TaskContext context = running.get(id);
            if (context != null) {
              context.signal(signal);
            }
          });
    }
    queue.recover(null, clock.instant());
  }

  /** From now on no task is claimed, and running tasks stop at their next safe point. */
  public void stopClaiming() {
    stopping = true;
  }

  public boolean stopping() {
    return stopping;
  }

  private void execute(TaskQueue.Claimed claimed) {
    Task task = claimed.task();
    TaskContext context = new TaskContext(queue, claimed, clock, () -> stopping);
    running.put(task.id(), context);
    Instant started = clock.instant();
    emit(task, TaskStatus.PENDING, TaskStatus.RUNNING, Duration.ZERO, Map.of(), "");
    try {
      Map<String, Object> result;
      try {
        context.note("Attempt " + task.attempts() + " of " + task.maxAttempts() + " started.");
        TaskHandler handler = handlers.get(task.kind());
        if (handler == null) {
          fail(context, started, "no handler for task kind " + task.kind().code());
          return;
        }
        result = handler.run(task, context);
      } catch (TaskStopped stop) {
        stopped(context, started, stop.reason());
        return;
      } catch (LecternException e) {
        if (e.retriable()) {
          retryOrFail(context, started, e);
        } else {
          fail(context, started, describe(e));
        }
        return;
      } catch (RuntimeException | Error e) {
        // A bug or a resource exhausted for a moment (a stack, the heap): this attempt failed.
        retryOrFail(context, started, e);
        return;
      }
      context.note("Task finished.");
      succeed(context, started, result);
    } finally {
      running.remove(task.id());
    }
  }

  /**
   * Records a success. A store that fails for a moment is asked again, and if it still fails the
   * task goes back to the queue without counting the attempt (its rerun finds its work done); a
   * result the store refuses fails the task with that reason. Neither is taken for a worker that
   * died.
   */
  private void succeed(TaskContext context, Instant started, Map<String, Object> result) {
    Task task = context.task();
    LecternException refused = null;
    for (int attempt = 1; attempt <= RECORD_ATTEMPTS; attempt++) {
      try {
        if (queue.finish(
            context.claimed(),
            TaskStatus.SUCCESS,
            result,
            null,
            context.messages(),
            clock.instant())) {
          emit(task, TaskStatus.RUNNING, TaskStatus.SUCCESS, since(started), context.stages(), "");
        }
        return;
      } catch (LecternException e) {
        refused = e;
        faults.accept("recording the result of task " + task.id().value() + " failed", e);
        if (!e.retriable()) {
          break;
        }
        if (attempt < RECORD_ATTEMPTS) {
          pause(attempt);
        }
      }
    }
    if (refused.retriable()) {
      context.note("The result could not be recorded; task returned to the queue.");
      Instant now = clock.instant();
      try {
        if (queue.release(context.claimed(), now, false, context.messages(), now)) {
          emit(task, TaskStatus.RUNNING, TaskStatus.PENDING, since(started), context.stages(), "");
        }
      } catch (LecternException e) {
        // The store is still down: the lease runs out and the task is taken up again, and its
        // rerun finds its work done.
        faults.accept("returning task " + task.id().value() + " to the queue failed", e);
      }
      return;
    }
    fail(context, started, "its result could not be recorded: " + refused.publicMessage());
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(100L * attempt * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stopped(TaskContext context, Instant started, TaskStopped.Reason reason) {
    Task task = context.task();
    Map<String, Duration> stages = context.stages();
    switch (reason) {
      case CANCELLED -> {
        context.note("Task cancelled.");
        if (queue.finish(
            context.claimed(),
            TaskStatus.CANCELLED,
            null,
            TaskQueue.CANCELLED_ERROR,
            context.messages(),
            clock.instant())) {
          emit(task, TaskStatus.RUNNING, TaskStatus.CANCELLED, since(started), stages, "");
        }
      }
      case SHUTDOWN -> {
        context.note("Server stopping; task returned to the queue.");
        if (queue.release(
            context.claimed(), clock.instant(), false, context.messages(), clock.instant())) {
          emit(task, TaskStatus.RUNNING, TaskStatus.PENDING, since(started), stages, "shutdown");
        }
      }
      case LOST ->
          emit(task, TaskStatus.RUNNING, TaskStatus.RUNNING, since(started), stages, "lease lost");
    }
  }

  private void fail(TaskContext context, Instant started, String reason) {
    String error = TextLimits.cut(reason, Task.MAX_ERROR_LENGTH);
    context.note("Failed: " + error);
    if (queue.finish(
        context.claimed(), TaskStatus.FAILURE, null, error, context.messages(), clock.instant())) {
      emit(
          context.task(),
          TaskStatus.RUNNING,
          TaskStatus.FAILURE,
          since(started),
          context.stages(),
          error);
    }
  }

  private void retryOrFail(TaskContext context, Instant started, Throwable error) {
    Task task = context.task();
    String message = describe(error);
    Optional<Duration> delay = settings.retry().delayAfter(task.attempts(), task.maxAttempts());
    if (delay.isEmpty()) {
      fail(context, started, message);
      return;
    }
    context.note("Attempt failed: " + message + "; retrying in " + delay.get().toSeconds() + "s.");
    Instant now = clock.instant();
    if (queue.release(context.claimed(), now.plus(delay.get()), true, context.messages(), now)) {
      emit(
          task,
          TaskStatus.RUNNING,
          TaskStatus.PENDING,
          since(started),
          context.stages(),
          message + " (retry in " + delay.get().toSeconds() + "s)");
    }
  }

  /**
   * What the task records about a failure: a client mistake's message as it is; for anything else a
   * plain message, with the details logged under an error id.
   */
  private String describe(Throwable error) {
    if (error instanceof LecternException lectern) {
      if (lectern.serverFault()) {
        faults.accept("task failure " + lectern.errorId(), lectern);
      }
      return lectern.publicMessage();
    }
    String id = UUID.randomUUID().toString();
    faults.accept("task failure " + id, error);
    return "unexpected failure (error id " + id + ")";
  }

  private Duration since(Instant started) {
    return Duration.between(started, clock.instant());
  }

  private void emit(
      Task task,
      TaskStatus from,
      TaskStatus to,
      Duration elapsed,
      Map<String, Duration> stages,
      String detail) {
    events.transitioned(
        new TaskEvents.Transition(
            task.id(),
            task.orgId(),
            task.kind(),
            from,
            to,
            task.attempts(),
            elapsed,
            stages,
            detail));
  }
}
