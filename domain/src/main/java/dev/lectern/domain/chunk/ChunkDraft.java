package dev.lectern.domain.chunk;

import java.util.List;
import java.util.Objects;

/** Value: a piece of text produced by a chunker, before it gets an id and a position. */
public record ChunkDraft(String text, int tokenCount, List<String> headingPath) {
  public ChunkDraft {
    Objects.requireNonNull(text, "text");
    headingPath = List.copyOf(headingPath);
  }
}
