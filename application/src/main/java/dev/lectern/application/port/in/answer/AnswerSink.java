package dev.lectern.application.port.in.answer;

/**
 * Port: where an assistant's answer goes as it is written. Each dialect's stream writer implements
 * it; a dialect that answers at once collects it.
 */
public interface AnswerSink extends ReplySink {
  /** The ids the question and its answer will be stored under, before any text of the answer. */
  default void onStart(String questionId, String answerId) {}

  /**
   * Whether the client sees the answer as it is written. When it does, a failure midway keeps what
   * it saw, marked as cut; when it gets the answer only whole, a failure leaves nothing stored.
   */
  default boolean live() {
    return true;
  }

  /** The answer is complete (or was cut short: see its finish reason) and stored. */
  void onComplete(Answer answer);
}
