package dev.lectern.adapters.http.common;

import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.application.port.in.answer.AnswerSink;

/**
 * A sink for an answer the client gets whole, in the response: nothing to pass on as it is written,
 * and nothing kept of an answer that fails midway.
 */
public final class WholeAnswer implements AnswerSink {
  @Override
  public void onDelta(String text) {}

  @Override
  public void onComplete(Answer answer) {}

  @Override
  public boolean live() {
    return false;
  }
}
