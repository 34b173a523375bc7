package dev.lectern.application.port.out;

/** Port: where a streamed reply's text goes, piece by piece. */
public interface ModelDeltas {
  void text(String delta);

  /** Whether the reply is no longer wanted (its client went away). */
  default boolean cancelled() {
    return false;
  }
}
