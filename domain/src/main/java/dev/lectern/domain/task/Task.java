package dev.lectern.domain.task;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A unit of background work, persisted so that it survives restarts.
 *
 * @param subject what the task works on (for example one artifact); at most one unfinished task per
 *     org and subject; null when the task has none
 * @param payload the task's input as JSON-like values (strings, numbers, booleans, lists, maps)
 * @param attempts how many times a worker has claimed the task
 * @param messages progress lines, oldest first
 * @param checkpoint what a previous attempt recorded so that a rerun can resume or recognise its
 *     own finished work
 * @param result the outcome of a successful task, JSON-like; null otherwise
 * @param error why the task failed or was cancelled; null otherwise
 * @param runAfter the earliest time a worker may claim the task (later after a failed attempt)
 */
public record Task(
    TaskId id,
    String orgId,
    TaskKind kind,
    String subject,
    Map<String, Object> payload,
    TaskStatus status,
    int attempts,
    int maxAttempts,
    double progress,
    List<String> messages,
    Map<String, Object> checkpoint,
    Map<String, Object> result,
    String error,
    boolean cancelRequested,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    Instant runAfter) {

  /** The longest error text a task keeps; longer ones are cut, head and tail kept. */
  public static final int MAX_ERROR_LENGTH = 4000;

  /** The longest progress line a task keeps. */
  public static final int MAX_MESSAGE_LENGTH = 1000;

  public Task {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (progress < 0 || progress > 1) {
      throw new IllegalArgumentException("progress must be between 0 and 1");
    }
    payload = frozen(payload);
    checkpoint = frozen(checkpoint);
    result = result == null ? null : frozen(result);
    messages = List.copyOf(messages == null ? List.of() : messages);
    runAfter = runAfter == null ? createdAt : runAfter;
  }

  /** A new task, waiting for a worker. */
  public static Task submitted(
      TaskId id,
      String orgId,
      TaskKind kind,
      String subject,
      Map<String, Object> payload,
      int maxAttempts,
      Instant now) {
    return new Task(
        id,
        orgId,
        kind,
        subject,
        payload,
        TaskStatus.PENDING,
        0,
        maxAttempts,
        0,
        List.of(),
        Map.of(),
        null,
        null,
        false,
        now,
        null,
        null,
        now);
  }

  private static Map<String, Object> frozen(Map<String, Object> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map == null ? Map.of() : map));
  }
}
