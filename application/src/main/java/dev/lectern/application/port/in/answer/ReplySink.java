package dev.lectern.application.port.in.answer;

/** Port: where a reply's text goes as it is written, and whether its client is still there. */
public interface ReplySink {
  /** The next piece of the text. */
  void onDelta(String text);

  /** Whether the client went away, so that the reply can stop. */
  default boolean cancelled() {
    return false;
  }
}
