package dev.lectern.domain.artifact;

import dev.lectern.domain.text.TextLimits;
import java.time.Instant;
import java.util.Objects;

/**
 * Value: where parsing of an uploaded document stands.
 *
 * @param progress 0..1 while running, 1 when done, -1 after a failure
 * @param message the parse log, one line per step
 * @param beganAt when the last parse started, or null
 * @param durationSeconds how long the last parse took (so far)
 * @param taskId the task of the last parse, or null
 */
public record ParseState(
    ArtifactStatus run,
    double progress,
    String message,
    Instant beganAt,
    double durationSeconds,
    String taskId) {

  /** The longest parse log kept; a longer one keeps its first and last lines. */
  public static final int MAX_MESSAGE_LENGTH = 100_000;

  /** The longest single line of the log. */
  public static final int MAX_LINE_LENGTH = 4000;

  public static final ParseState UNSTARTED =
      new ParseState(ArtifactStatus.PENDING, 0, "", null, 0, null);

  public ParseState {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(message, "message");
  }

  /** A parse just queued, noted so; its task id is recorded once the task exists. */
  public static ParseState queued(String note, Instant at) {
    return new ParseState(ArtifactStatus.RUNNING, 0, note, at, 0, null);
  }

  /** This state as recorded under {@code id}. */
  public ParseState withTaskId(String id) {
    return new ParseState(run, progress, message, beganAt, durationSeconds, id);
  }

  /** The next state: {@code line} appended to the log. */
  public ParseState then(ArtifactStatus next, double nextProgress, String line, double duration) {
    String cutLine = TextLimits.cut(line, MAX_LINE_LENGTH);
    String log =
        TextLimits.cut(message.isEmpty() ? cutLine : message + "\n" + cutLine, MAX_MESSAGE_LENGTH);
    return new ParseState(next, nextProgress, log, beganAt, duration, taskId);
  }
}
