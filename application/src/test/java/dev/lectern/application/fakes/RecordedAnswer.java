package dev.lectern.application.fakes;

import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.application.port.in.answer.AnswerStream;
import dev.lectern.application.port.in.retrieval.Retrieval;
import java.util.ArrayList;
import java.util.List;

/** An answer stream that keeps what it was given. */
public final class RecordedAnswer implements AnswerStream {
  public final List<String> deltas = new ArrayList<>();
  public List<Retrieval.RetrievedChunk> sources = List.of();
  public Answer completed;

  @Override
  public void onSources(List<Retrieval.RetrievedChunk> given) {
    sources = given;
  }

  @Override
  public void onDelta(String text) {
    deltas.add(text);
  }

  @Override
  public void onComplete(Answer answer) {
    completed = answer;
  }

  public String text() {
    return String.join("", deltas);
  }
}
