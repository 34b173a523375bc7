package dev.lectern.adapters.http.ragflow;

import dev.lectern.adapters.http.common.LazySse;
import dev.lectern.adapters.http.common.SseAnswer;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.port.in.answer.Answer;

/**
 * An answer streamed by one of RAGFlow's endpoints: its citations in RAGFlow's form as the text
 * arrives (a marker cut between two pieces waits for the rest), each non-empty piece handed to the
 * endpoint's frames, and the whole text as the endpoint showed it kept for its last frame.
 */
abstract class RagflowCitedAnswer extends SseAnswer {
  private final RagflowCitations citations;
  private final StringBuilder written = new StringBuilder();

  /** {@code sse} null for an answer given whole. */
  RagflowCitedAnswer(LazySse sse, boolean quote) {
    super(sse);
    this.citations = new RagflowCitations(quote);
  }

  /** A piece of the answer as the endpoint frames it; never empty. */
  abstract void piece(String text);

  /** The end of the answer; {@code text} is all of it, as its pieces showed it. */
  abstract void end(Answer answer, String text);

  /** The answer failed after it began, what the citations held back sent first. */
  abstract void failed(LecternException error);

  @Override
  protected final void failInStream(LecternException error) {
    flush();
    failed(error);
  }

  @Override
  public final void onDelta(String text) {
    send(citations.next(text));
  }

  @Override
  public final void onComplete(Answer answer) {
    flush();
    end(answer, written.toString());
  }

  private void flush() {
    send(citations.rest());
  }

  /** The text shown so far. */
  final String written() {
    return written.toString();
  }

  private void send(String piece) {
    if (!piece.isEmpty()) {
      written.append(piece);
      piece(piece);
    }
  }
}
