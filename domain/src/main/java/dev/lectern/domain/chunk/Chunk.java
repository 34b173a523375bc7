package dev.lectern.domain.chunk;

import java.util.List;
import java.util.Objects;

/**
 * Value: a piece of an artifact's text.
 *
 * @param position 0-based order inside the artifact
 * @param headingPath the headings above this chunk, outermost first
 */
public record Chunk(
    String id, int position, String text, int tokenCount, List<String> headingPath) {
  public Chunk {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    headingPath = List.copyOf(headingPath);
    if (position < 0 || tokenCount < 0) {
      throw new IllegalArgumentException("position and tokenCount must not be negative");
    }
  }
}
