package dev.lectern.application.port.out;

import dev.lectern.domain.task.Task;
import dev.lectern.domain.task.TaskId;
import dev.lectern.domain.task.TaskKind;
import dev.lectern.domain.task.TaskStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the persisted queue of background tasks. Claims are atomic in the store, so several
 * processes may share one queue; every write of a running task is fenced by its claim id, so a
 * worker that lost its lease cannot overwrite the task's new owner.
 */
public interface TaskQueue {
  /** The error of a task cancelled on request. */
  String CANCELLED_ERROR = "cancelled on request";

  /** What {@link #submit} did. */
  enum Submission {
    ACCEPTED,
    SUBJECT_BUSY,
    QUEUE_FULL
  }

  /** What the owner of a running task should do next. */
  enum Signal {
    CONTINUE,
    CANCEL,
    LOST
  }

  /** A task held by a worker; {@code claimId} fences the worker's writes. */
  record Claimed(Task task, String claimId) {}

  /** Which tasks to list; null fields match everything, a null org means every org. */
  record Query(String orgId, TaskStatus status, TaskKind kind, int limit) {}

  /** Matching tasks, newest first, and how many tasks of the org and kind are in each status. */
  record Listing(List<Task> tasks, Map<TaskStatus, Long> counts) {}

  /**
   * Stores a new pending task unless its subject already has an unfinished task, or more than
   * {@code maxPending} tasks are pending.
   */
  Submission submit(Task task, long maxPending);

  /** Claims the oldest pending task due at {@code now}, leased until {@code leaseUntil}. */
  Optional<Claimed> claim(String worker, Instant now, Instant leaseUntil);

  /** Records progress of a running task; tells the owner whether to go on. */
  Signal report(
      Claimed claimed,
      double progress,
      List<String> messages,
      Map<String, Object> checkpoint,
      Instant now);

  /** Extends the leases of running tasks; answers each task's signal. */
  Map<TaskId, Signal> renew(Collection<Claimed> claims, Instant leaseUntil);

  /** Ends a running task as SUCCESS, FAILURE or CANCELLED; false if the claim was lost. */
  boolean finish(
      Claimed claimed,
      TaskStatus status,
      Map<String, Object> result,
      String error,
      List<String> messages,
      Instant now);

  /**
   * Puts a running task back in the queue, due at {@code runAfter}. {@code countAttempt} false
   * gives the attempt back (the worker stopped for a shutdown, not because the task failed).
   */
  boolean release(
      Claimed claimed, Instant runAfter, boolean countAttempt, List<String> messages, Instant now);

  /**
   * Re-queues running tasks whose worker is gone: those claimed by {@code deadWorker} (null for
   * none) and those whose lease ran out before {@code now}. A task that has used all its attempts
   * fails instead. Answers how many tasks were re-queued or failed.
   */
  int recover(String deadWorker, Instant now);

  Optional<Task> find(String orgId, TaskId id);

  /** Whether the subject has a pending or running task. */
  boolean subjectBusy(String orgId, String subject);

  /**
   * Cancels a task: a pending one at once, a running one by asking its worker to stop at its next
   * safe point. A finished task is left as it is. Answers the task after the change.
   */
  Optional<Task> cancel(String orgId, TaskId id, Instant now);

  Listing list(Query query);

  /** The error of a task that failed because its workers kept dying while running it. */
  static String interruptedError(int attempts) {
    return "the task was interrupted " + attempts + " times (its worker stopped while running it)";
  }

  /** Every pending or running task of a kind, across all orgs, oldest first. */
  List<Task> unfinished(TaskKind kind);
}
