package dev.lectern.application.port.in.answer;

import dev.lectern.application.port.in.retrieval.Retrieval;
import java.util.List;

/** Port: where a reply's text goes as it is written, and whether its client is still there. */
public interface ReplySink {
  /** The passages the reply will draw on, before any of its text (none for an ungrounded one). */
  default void onSources(List<Retrieval.RetrievedChunk> sources) {}

  /** The next piece of the text. */
  void onDelta(String text);

  /** Whether the client went away, so that the reply can stop. */
  default boolean cancelled() {
    return false;
  }
}
