package dev.lectern.application.service.task;

/** Thrown at a stop point when the running task must not go on. */
public final class TaskStopped extends RuntimeException {
  /** Why the task stops. */
  public enum Reason {
    /** A user cancelled the task; it ends CANCELLED. */
    CANCELLED,
    /** The server is shutting down; the task goes back to the queue. */
    SHUTDOWN,
    /** Another worker owns the task now (this worker's lease ran out). */
    LOST
  }

  private final Reason reason;

  public TaskStopped(Reason reason) {
    super("task stopped: " + reason.name().toLowerCase(java.util.Locale.ROOT), null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
