package dev.lectern.application.service.artifact;

import dev.lectern.application.error.LecternException;
import dev.lectern.application.service.task.TaskContext;
import java.time.Duration;
import java.util.Map;

/**
 * Reports an ingest or delete running as a task: progress lines per stage, stage timings, and the
 * indexed version as the checkpoint. Every stage start is a safe point for cancellation and
 * shutdown alike; after the index commit the task runs to its end.
 */
final class TaskIngestProgress implements IngestProgress {
  static final String VERSION = "version";

  private final TaskContext context;

  TaskIngestProgress(TaskContext context) {
    this.context = context;
  }

  @Override
  public void before(IngestStage stage) {
    context.stopPoint(true);
  }

  @Override
  public void after(IngestStage stage, Duration took, String detail) {
    context.stageTook(stage.label(), took);
    context.progress(
        stage.progressAfter(), stage.label() + ": " + detail + " (" + took.toMillis() + " ms)");
  }

  @Override
  public void claimed(long version) {
    try {
      context.recordCheckpoint(Map.of(VERSION, version));
    } catch (LecternException e) {
      // Only a rerun's report depends on it; publishing must go ahead regardless.
      context.stageTook("checkpoint-failed", Duration.ZERO);
    }
  }
}
