package dev.lectern.adapters.http.ragflow;

import dev.lectern.adapters.http.common.LazySse;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.port.in.answer.Answer;

/**
 * An agent's answer as it is written, its citations in RAGFlow's form, handed to the frames of the
 * endpoint that streams it; it also times the run, for the events that report each component.
 */
final class RagflowAgentStream extends RagflowCitedAnswer {
  /** How an endpoint frames the pieces and the end of an agent's answer. */
  interface Frames {
    /** The answer's id, before any of its text. */
    default void start(String answerId) {}

    void piece(String text);

    void end(Answer answer, String text, RagflowAgentEvents.Timing timing);

    /** The answer failed after it began; {@code text} says so as RAGFlow writes it. */
    void fail(String text);
  }

  private final Frames frames;
  private final long began = System.nanoTime();
  private long searched;

  /**
   * {@code sse} has begun (RAGFlow opens the stream before the answer); null for a whole answer.
   */
  RagflowAgentStream(LazySse sse, Frames frames, boolean quote) {
    super(sse, quote);
    this.frames = frames;
  }

  @Override
  public void onStart(String questionId, String answerId) {
    searched = System.nanoTime();
    frames.start(answerId);
  }

  @Override
  void piece(String text) {
    frames.piece(text);
  }

  @Override
  void end(Answer answer, String text) {
    frames.end(answer, text, timing());
  }

  @Override
  void failed(LecternException error) {
    frames.fail(RagflowErrorRenderer.inAnswer(error));
  }

  private RagflowAgentEvents.Timing timing() {
    long now = System.nanoTime();
    long start = searched == 0 ? now : searched;
    return new RagflowAgentEvents.Timing((start - began) / 1e9, (now - start) / 1e9);
  }

  /** An answer given whole: kept as it ends, for the one frame that reports it. */
  static final class Collected implements Frames {
    private final RagflowAgentEvents events;
    Answer answer;
    String text = "";
    RagflowAgentEvents.Timing timing;

    /** {@code events} learns the answer's id, when there are events to name it in. */
    Collected(RagflowAgentEvents events) {
      this.events = events;
    }

    @Override
    public void start(String answerId) {
      if (events != null) {
        events.messageId(answerId);
      }
    }

    @Override
    public void piece(String piece) {}

    @Override
    public void end(Answer done, String written, RagflowAgentEvents.Timing took) {
      answer = done;
      text = written;
      timing = took;
    }

    @Override
    public void fail(String text) {}
  }
}
