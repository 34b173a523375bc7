package dev.lectern.application.service.artifact;

import dev.lectern.application.port.out.DocumentStore;
import dev.lectern.application.service.task.TaskContext;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.ArtifactStatus;
import dev.lectern.domain.artifact.DocumentEntry;
import dev.lectern.domain.artifact.ParseNote;
import dev.lectern.domain.artifact.ParseState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Reports a document parse on the task and on the document's parse state: its progress and one line
 * note per step, which the dialect that shows them words its way.
 */
final class DocumentParseProgress implements IngestProgress {
  private final TaskIngestProgress task;
  private final DocumentStore documents;
  private final ArtifactKey key;
  private final String taskId;
  private final Clock clock;
  private final Instant began;

  DocumentParseProgress(
      TaskContext context, DocumentStore documents, ArtifactKey key, Clock clock, Instant began) {
    this.task = new TaskIngestProgress(context);
    this.documents = documents;
    this.key = key;
    this.taskId = context.task().id().value();
    this.clock = clock;
    this.began = began;
  }

  @Override
  public void before(IngestStage stage) {
    task.before(stage);
  }

  @Override
  public void after(IngestStage stage, Duration took, String detail) {
    task.after(stage, took, detail);
    ParseNote line =
        switch (stage) {
          case FETCH -> ParseNote.fetched(detail);
          case PARSE -> ParseNote.parsed(took, detail);
          case CHUNK -> ParseNote.chunked(detail);
          case INDEX -> ParseNote.indexed(took);
        };
    record(ArtifactStatus.RUNNING, stage.progressAfter(), line);
  }

  @Override
  public void claimed(long version) {
    task.claimed(version);
  }

  /** Appends {@code line} and stores the state, if the document still runs this task. */
  void record(ArtifactStatus run, double progress, ParseNote line) {
    documents
        .find(key)
        .filter(entry -> entry.parse().taskId() == null || taskId.equals(entry.parse().taskId()))
        .filter(entry -> entry.parse().run() == ArtifactStatus.RUNNING)
        .ifPresent(entry -> documents.update(next(entry, run, progress, line)));
  }

  private DocumentEntry next(
      DocumentEntry entry, ArtifactStatus run, double progress, ParseNote line) {
    ParseState next =
        entry.parse().then(run, progress, line.line(), elapsedSeconds()).withTaskId(taskId);
    return entry.withParse(next, clock.instant());
  }

  double elapsedSeconds() {
    // Nanosecond precision: a small document can finish within the millisecond it began.
    return Duration.between(began, clock.instant()).toNanos() / 1e9;
  }
}
