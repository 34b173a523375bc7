package dev.lectern.domain.chunk;

import java.util.List;
import java.util.Objects;

/**
 * Value: a piece of an artifact's text.
 *
 * @param position 0-based order inside the artifact
 * @param headingPath the headings above this chunk, outermost first
 * @param keywords important keywords a user attached; searchable like the text
 * @param questions questions this chunk answers; searchable like the text
 * @param available whether retrieval may return it
 */
public record Chunk(
    String id,
    int position,
    String text,
    int tokenCount,
    List<String> headingPath,
    List<String> keywords,
    List<String> questions,
    boolean available) {
  public Chunk {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    headingPath = List.copyOf(headingPath);
    keywords = List.copyOf(keywords);
    questions = List.copyOf(questions);
    if (position < 0 || tokenCount < 0) {
      throw new IllegalArgumentException("position and tokenCount must not be negative");
    }
  }

  /** A chunk as a chunker produced it: no keywords or questions, available. */
  public Chunk(String id, int position, String text, int tokenCount, List<String> headingPath) {
    this(id, position, text, tokenCount, headingPath, List.of(), List.of(), true);
  }

  /** This chunk at another place in its document. */
  public Chunk withPosition(int newPosition) {
    return new Chunk(
        id, newPosition, text, tokenCount, headingPath, keywords, questions, available);
  }

  /** This chunk, visible to retrieval or not. */
  public Chunk withAvailable(boolean isAvailable) {
    return new Chunk(id, position, text, tokenCount, headingPath, keywords, questions, isAvailable);
  }
}
