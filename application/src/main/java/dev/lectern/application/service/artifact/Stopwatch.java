package dev.lectern.application.service.artifact;

import java.time.Duration;

/** Times the stages of one ingest or delete and tells its {@link IngestProgress}. */
final class Stopwatch {
  private final IngestProgress progress;
  private IngestStage stage;
  private long startedNanos;

  Stopwatch(IngestProgress progress) {
    this.progress = progress;
  }

  /** Passes the safe point before {@code next} and starts timing it. */
  void start(IngestStage next) {
    progress.before(next);
    stage = next;
    startedNanos = System.nanoTime();
  }

  /** Ends the stage being timed. */
  void done(String detail) {
    progress.after(stage, Duration.ofNanos(System.nanoTime() - startedNanos), detail);
  }
}
