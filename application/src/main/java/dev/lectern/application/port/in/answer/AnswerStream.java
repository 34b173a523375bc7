package dev.lectern.application.port.in.answer;

import dev.lectern.application.port.in.retrieval.Retrieval;
import java.util.List;

/**
 * Port: where an answer goes as it is written — the one contract every answering use case speaks
 * and every dialect's writer implements. The events come in order: {@link #onStart}, {@link
 * #onSources}, any number of {@link #onDelta}, then either {@link #onComplete} or {@link #onError}.
 */
public interface AnswerStream {
  /**
   * The ids the question and its answer will be stored under (null for an answer nothing keeps),
   * before any text of the answer.
   */
  default void onStart(String questionId, String answerId) {}

  /** The passages the answer will draw on, before any of its text (none for an ungrounded one). */
  default void onSources(List<Retrieval.RetrievedChunk> sources) {}

  /** The next piece of the text. */
  void onDelta(String text);

  /**
   * The answer is complete — or was cut short because the client went away: see its finish reason —
   * and stored when its conversation is kept.
   */
  void onComplete(Answer answer);

  /**
   * The answer failed, before or after some of its text; a conversation that is kept holds what a
   * live client saw, marked as cut. A stream that has not yet sent anything throws {@code failure}
   * on (the default), so that the request fails as a whole with a plain error; one that has begun
   * ends itself with its dialect's in-stream error.
   */
  default void onError(RuntimeException failure) {
    throw failure;
  }

  /** Whether the client went away, so that the answer can stop. */
  default boolean cancelled() {
    return false;
  }

  /**
   * Whether the client sees the answer as it is written. When it does, a failure midway keeps what
   * it saw, marked as cut; when it gets the answer only whole, a failure leaves nothing stored.
   */
  default boolean live() {
    return true;
  }
}
