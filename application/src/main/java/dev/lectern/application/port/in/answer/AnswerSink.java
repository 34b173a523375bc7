package dev.lectern.application.port.in.answer;

/**
 * Port: where an answer goes as it is written. Each dialect's stream writer implements it; a
 * dialect that answers at once collects it.
 */
public interface AnswerSink {
  /** The next piece of the answer's text. */
  void onDelta(String text);

  /** The answer is complete (or was cut short: see its finish reason) and stored. */
  void onComplete(Answer answer);

  /** Whether the client went away, so that the answer can stop. */
  default boolean cancelled() {
    return false;
  }
}
