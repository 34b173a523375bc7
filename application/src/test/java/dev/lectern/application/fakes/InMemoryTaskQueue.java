package dev.lectern.application.fakes;

import dev.lectern.application.port.out.TaskQueue;
import dev.lectern.domain.task.Task;
import dev.lectern.domain.task.TaskId;
import dev.lectern.domain.task.TaskKind;
import dev.lectern.domain.task.TaskStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Fake: the task queue in a map, with the same claim fencing as the database adapter. */
public final class InMemoryTaskQueue implements TaskQueue {
  private record Row(Task task, String worker, String claimId, Instant leaseUntil) {}

  private final Map<TaskId, Row> rows = new LinkedHashMap<>();
  private final Map<String, TaskId> subjects = new HashMap<>();

  @Override
  public synchronized Submission submit(Task task, long maxPending) {
    String subject = subjectKey(task);
    if (subject != null && subjects.containsKey(subject)) {
      return Submission.SUBJECT_BUSY;
    }
    long pending =
        rows.values().stream().filter(r -> r.task.status() == TaskStatus.PENDING).count();
    if (pending >= maxPending) {
      return Submission.QUEUE_FULL;
    }
    rows.put(task.id(), new Row(task, null, null, null));
    if (subject != null) {
      subjects.put(subject, task.id());
    }
    return Submission.ACCEPTED;
  }

  @Override
  public synchronized Optional<Claimed> claim(String worker, Instant now, Instant leaseUntil) {
    Optional<Row> next =
        rows.values().stream()
            .filter(r -> r.task.status() == TaskStatus.PENDING && !r.task.runAfter().isAfter(now))
            .min(Comparator.comparing((Row r) -> r.task.createdAt()));
    if (next.isEmpty()) {
      return Optional.empty();
    }
    Task t = next.get().task;
    Task running =
        copy(
            t,
            TaskStatus.RUNNING,
            t.attempts() + 1,
            t.progress(),
            t.messages(),
            t.checkpoint(),
            null,
            null,
            t.startedAt() == null ? now : t.startedAt(),
            null,
            t.runAfter());
    String claimId = UUID.randomUUID().toString();
    rows.put(t.id(), new Row(running, worker, claimId, leaseUntil));
    return Optional.of(new Claimed(running, claimId));
  }

  @Override
  public synchronized Signal report(
      Claimed claimed,
      double progress,
      List<String> messages,
      Map<String, Object> checkpoint,
      Instant now) {
    Row row = owned(claimed);
    if (row == null) {
      return Signal.LOST;
    }
    Task t = row.task;
    rows.put(
        t.id(),
        new Row(
            copy(
                t,
                t.status(),
                t.attempts(),
                progress,
                messages,
                checkpoint,
                null,
                null,
                t.startedAt(),
                null,
                t.runAfter()),
            row.worker,
            row.claimId,
            row.leaseUntil));
    return t.cancelRequested() ? Signal.CANCEL : Signal.CONTINUE;
  }

  @Override
  public synchronized Map<TaskId, Signal> renew(Collection<Claimed> claims, Instant leaseUntil) {
    Map<TaskId, Signal> signals = new HashMap<>();
    for (Claimed claimed : claims) {
      Row row = owned(claimed);
      if (row == null) {
        signals.put(claimed.task().id(), Signal.LOST);
      } else {
        rows.put(row.task.id(), new Row(row.task, row.worker, row.claimId, leaseUntil));
        signals.put(row.task.id(), row.task.cancelRequested() ? Signal.CANCEL : Signal.CONTINUE);
      }
    }
    return signals;
  }

  @Override
  public synchronized boolean finish(
      Claimed claimed,
      TaskStatus status,
      Map<String, Object> result,
      String error,
      List<String> messages,
      Instant now) {
    Row row = owned(claimed);
    if (row == null) {
      return false;
    }
    Task t = row.task;
    double progress = status == TaskStatus.SUCCESS ? 1 : t.progress();
    end(
        copy(
            t,
            status,
            t.attempts(),
            progress,
            messages,
            t.checkpoint(),
            result,
            error,
            t.startedAt(),
            now,
            t.runAfter()));
    return true;
  }

  @Override
  public synchronized boolean release(
      Claimed claimed, Instant runAfter, boolean countAttempt, List<String> messages, Instant now) {
    Row row = owned(claimed);
    if (row == null) {
      return false;
    }
    Task t = row.task;
    int attempts = countAttempt ? t.attempts() : t.attempts() - 1;
    rows.put(
        t.id(),
        new Row(
            copy(
                t,
                TaskStatus.PENDING,
                attempts,
                t.progress(),
                messages,
                t.checkpoint(),
                null,
                null,
                t.startedAt(),
                null,
                runAfter),
            null,
            null,
            null));
    return true;
  }

  @Override
  public synchronized int recover(String deadWorker, Instant now) {
    int count = 0;
    for (Row row : List.copyOf(rows.values())) {
      Task t = row.task;
      boolean dead =
          t.status() == TaskStatus.RUNNING
              && (Objects.equals(row.worker, deadWorker) || row.leaseUntil.isBefore(now));
      if (!dead) {
        continue;
      }
      count++;
      if (t.attempts() >= t.maxAttempts()) {
        end(
            copy(
                t,
                TaskStatus.FAILURE,
                t.attempts(),
                t.progress(),
                t.messages(),
                t.checkpoint(),
                null,
                TaskQueue.interruptedError(t.attempts()),
                t.startedAt(),
                now,
                t.runAfter()));
      } else {
        rows.put(
            t.id(),
            new Row(
                copy(
                    t,
                    TaskStatus.PENDING,
                    t.attempts(),
                    t.progress(),
                    t.messages(),
                    t.checkpoint(),
                    null,
                    null,
                    t.startedAt(),
                    null,
                    now),
                null,
                null,
                null));
      }
    }
    return count;
  }

  @Override
  public synchronized Optional<Task> find(String orgId, TaskId id) {
    return Optional.ofNullable(rows.get(id)).map(Row::task).filter(t -> t.orgId().equals(orgId));
  }

  @Override
  public synchronized boolean subjectBusy(String orgId, String subject) {
    return subjects.containsKey(orgId + "\n" + subject);
  }

  @Override
  public synchronized Optional<Task> cancel(String orgId, TaskId id, Instant now) {
    Optional<Task> found = find(orgId, id);
    if (found.isEmpty()) {
      return found;
    }
    Row row = rows.get(id);
    Task t = row.task;
    if (t.status() == TaskStatus.PENDING) {
      end(
          copy(
              t,
              TaskStatus.CANCELLED,
              t.attempts(),
              t.progress(),
              t.messages(),
              t.checkpoint(),
              null,
              TaskQueue.CANCELLED_ERROR,
              t.startedAt(),
              now,
              t.runAfter()));
    } else if (t.status() == TaskStatus.RUNNING) {
      Task flagged =
          new Task(
              t.id(),
              t.orgId(),
              t.kind(),
              t.subject(),
              t.payload(),
              t.status(),
              t.attempts(),
              t.maxAttempts(),
              t.progress(),
              t.messages(),
              t.checkpoint(),
              t.result(),
              t.error(),
              true,
              t.createdAt(),
              t.startedAt(),
              t.finishedAt(),
              t.runAfter());
      rows.put(id, new Row(flagged, row.worker, row.claimId, row.leaseUntil));
    }
    return Optional.of(rows.get(id).task);
  }

  @Override
  public synchronized Listing list(Query query) {
    Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
    List<Task> scoped =
        rows.values().stream()
            .map(Row::task)
            .filter(t -> query.orgId() == null || t.orgId().equals(query.orgId()))
            .filter(t -> query.kind() == null || t.kind() == query.kind())
            .toList();
    scoped.forEach(t -> counts.merge(t.status(), 1L, Long::sum));
    List<Task> tasks =
        scoped.stream()
            .filter(t -> query.status() == null || t.status() == query.status())
            .sorted(Comparator.comparing(Task::createdAt).reversed())
            .limit(query.limit())
            .toList();
    return new Listing(tasks, counts);
  }

  @Override
  public synchronized List<Task> unfinished(TaskKind kind) {
    return rows.values().stream()
        .map(Row::task)
        .filter(t -> t.kind() == kind && !t.status().finished())
        .sorted(Comparator.comparing(Task::createdAt))
        .toList();
  }

  private Row owned(Claimed claimed) {
    Row row = rows.get(claimed.task().id());
    if (row == null
        || row.task.status() != TaskStatus.RUNNING
        || !claimed.claimId().equals(row.claimId)) {
      return null;
    }
    return row;
  }

  private void end(Task task) {
    rows.put(task.id(), new Row(task, null, null, null));
    String subject = subjectKey(task);
    if (subject != null && task.id().equals(subjects.get(subject))) {
      subjects.remove(subject);
    }
  }

  private static String subjectKey(Task task) {
    return task.subject() == null ? null : task.orgId() + "\n" + task.subject();
  }

  private static Task copy(
      Task t,
      TaskStatus status,
      int attempts,
      double progress,
      List<String> messages,
      Map<String, Object> checkpoint,
      Map<String, Object> result,
      String error,
      Instant startedAt,
      Instant finishedAt,
      Instant runAfter) {
    return new Task(
        t.id(),
        t.orgId(),
        t.kind(),
        t.subject(),
        t.payload(),
        status,
        attempts,
        t.maxAttempts(),
        progress,
        messages,
        checkpoint,
        result,
        error,
        t.cancelRequested(),
        t.createdAt(),
        startedAt,
        finishedAt,
        runAfter);
  }
}
