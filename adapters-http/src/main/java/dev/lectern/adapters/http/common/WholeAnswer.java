package dev.lectern.adapters.http.common;

import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.application.port.in.answer.AnswerStream;
import dev.lectern.application.port.in.retrieval.Retrieval;
import java.util.List;
import java.util.function.Consumer;

/**
 * An answer the client gets whole, in the response: kept as it ends, with the passages it drew on;
 * nothing is passed on as it is written, and nothing is kept of an answer that fails midway (its
 * failure is thrown on, to be rendered as a plain error).
 */
public final class WholeAnswer implements AnswerStream {
  private List<Retrieval.RetrievedChunk> sources = List.of();
  private Answer answer;

  /** The whole answer {@code asking} gives (a use case called with the stream). */
  public static WholeAnswer of(Consumer<AnswerStream> asking) {
    WholeAnswer whole = new WholeAnswer();
    asking.accept(whole);
    return whole;
  }

  @Override
  public void onSources(List<Retrieval.RetrievedChunk> given) {
    sources = given;
  }

  @Override
  public void onDelta(String text) {}

  @Override
  public void onComplete(Answer done) {
    answer = done;
  }

  @Override
  public boolean live() {
    return false;
  }

  /** The answer, once complete. */
  public Answer answer() {
    return answer;
  }

  /** The passages the answer drew on, in the order its citations count them. */
  public List<Retrieval.RetrievedChunk> sources() {
    return sources;
  }
}
