package dev.lectern.application.port.in.answer;

import java.util.List;

/**
 * A text with places for the retrieved passages: its pieces, the passages going between each two.
 * The places are structure, not a marker in the text, so no text a user sends can make one.
 */
public record AnswerText(List<String> pieces) {
  /** No text. */
  public static final AnswerText EMPTY = new AnswerText(List.of(""));

  public AnswerText {
    pieces = List.copyOf(pieces);
    if (pieces.isEmpty()) {
      throw new IllegalArgumentException("a text has at least one piece");
    }
  }

  /** A text without passages. */
  public static AnswerText of(String text) {
    return new AnswerText(List.of(text));
  }

  public boolean showsPassages() {
    return pieces.size() > 1;
  }

  public boolean isEmpty() {
    return pieces.stream().allMatch(String::isEmpty) && !showsPassages();
  }

  /** The text with {@code passages} in each of its places. */
  public String with(String passages) {
    return String.join(passages, pieces);
  }
}
