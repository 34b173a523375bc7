package dev.lectern.application.service.answer;

import dev.lectern.application.port.in.answer.AnswerStream;
import dev.lectern.application.port.out.ModelDeltas;

/**
 * A model's deltas passed on to an answer stream, and kept, so that a cut answer knows its text. A
 * text the answer starts with goes out with the first piece, so that a model that fails before it
 * writes anything leaves nothing written.
 */
final class StreamDeltas implements ModelDeltas {
  private final AnswerStream stream;
  private final StringBuilder written = new StringBuilder();
  private String prefix = "";

  StreamDeltas(AnswerStream stream) {
    this.stream = stream;
  }

  /** {@code text} goes out before the next piece (or when {@link #flush()} is called). */
  void startWith(String text) {
    prefix = text;
  }

  /** Sends what waits to start the answer. */
  void flush() {
    if (!prefix.isEmpty()) {
      String waiting = prefix;
      prefix = "";
      send(waiting);
    }
  }

  @Override
  public void text(String delta) {
    flush();
    send(delta);
  }

  @Override
  public boolean cancelled() {
    return stream.cancelled();
  }

  String written() {
    return written.toString();
  }

  private void send(String delta) {
    written.append(delta);
    stream.onDelta(delta);
  }
}
