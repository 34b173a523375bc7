package dev.lectern.application.service.answer;

import dev.lectern.application.port.in.answer.ReplySink;
import dev.lectern.application.port.out.ModelDeltas;

/** A model's deltas passed on to a reply sink, and kept, so that a cut reply knows its text. */
final class SinkDeltas implements ModelDeltas {
  private final ReplySink sink;
  private final StringBuilder written = new StringBuilder();

  SinkDeltas(ReplySink sink) {
    this.sink = sink;
  }

  @Override
  public void text(String delta) {
    written.append(delta);
    sink.onDelta(delta);
  }

  @Override
  public boolean cancelled() {
    return sink.cancelled();
  }

  String written() {
    return written.toString();
  }
}
