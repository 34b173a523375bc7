package dev.lectern.application.service.task;

import dev.lectern.application.port.out.TaskQueue;
import dev.lectern.domain.task.Task;
import dev.lectern.domain.text.TextLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What a running task sees of the engine: it reports progress, records what a rerun needs, and
 * learns at its stop points whether it was cancelled or the server is stopping.
 */
public final class TaskContext {
  static final int MAX_MESSAGES = 500;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final TaskQueue queue;
  private final TaskQueue.Claimed claimed;
  private final Clock clock;
  private final BooleanSupplier shuttingDown;
  private final List<String> messages;
  private final Map<String, Duration> stages = new LinkedHashMap<>();
  private Map<String, Object> checkpoint;
  private double progress;
  private volatile TaskQueue.Signal signal = TaskQueue.Signal.CONTINUE;

  TaskContext(
      TaskQueue queue, TaskQueue.Claimed claimed, Clock clock, BooleanSupplier shuttingDown) {
    this.queue = queue;
    this.claimed = claimed;
    this.clock = clock;
    this.shuttingDown = shuttingDown;
    this.messages = new ArrayList<>(claimed.task().messages());
    this.checkpoint = claimed.task().checkpoint();
    this.progress = claimed.task().progress();
  }

  public Task task() {
    return claimed.task();
  }

  /** What an earlier attempt of this task recorded with {@link #recordCheckpoint}. */
  public Map<String, Object> checkpoint() {
    return checkpoint;
  }

  /** Reports progress (0–1) with a message line, and hears back whether to go on. */
  public synchronized void progress(double fraction, String message) {
    progress = Math.max(progress, Math.min(1, Math.max(0, fraction)));
    note(message);
    persist();
  }

  /** Records what a rerun after a crash needs to know, durably, before the next step. */
  public synchronized void recordCheckpoint(Map<String, Object> values) {
    Map<String, Object> merged = new LinkedHashMap<>(checkpoint);
    merged.putAll(values);
    checkpoint = Collections.unmodifiableMap(merged);
    persist();
  }

  /** Adds the time one stage took, for the log line of the task's next transition. */
  public synchronized void stageTook(String stage, Duration took) {
    stages.merge(stage, took, Duration::plus);
  }

  /**
   * A safe point: throws {@link TaskStopped} if the task was cancelled or lost, or — when {@code
   * orShutdown} — if the server is shutting down.
   */
  public void stopPoint(boolean orShutdown) {
    switch (signal) {
      case CANCEL -> throw new TaskStopped(TaskStopped.Reason.CANCELLED);
      case LOST -> throw new TaskStopped(TaskStopped.Reason.LOST);
      case CONTINUE -> {}
    }
    if (orShutdown && shuttingDown.getAsBoolean()) {
      throw new TaskStopped(TaskStopped.Reason.SHUTDOWN);
    }
  }

  synchronized void note(String message) {
    LocalTime time = LocalTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    messages.add(
        TIME.format(time.truncatedTo(ChronoUnit.SECONDS))
            + " "
            + TextLimits.cut(message, Task.MAX_MESSAGE_LENGTH));
    if (messages.size() > MAX_MESSAGES) {
      messages.subList(0, messages.size() - MAX_MESSAGES).clear();
    }
  }

  synchronized List<String> messages() {
    return List.copyOf(messages);
  }

  synchronized Map<String, Duration> stages() {
    return new LinkedHashMap<>(stages);
  }

  TaskQueue.Claimed claimed() {
    return claimed;
  }

  void signal(TaskQueue.Signal value) {
    if (signal == TaskQueue.Signal.CONTINUE) {
      signal = value;
    }
  }

  private void persist() {
    signal(queue.report(claimed, progress, List.copyOf(messages), checkpoint, clock.instant()));
  }
}
