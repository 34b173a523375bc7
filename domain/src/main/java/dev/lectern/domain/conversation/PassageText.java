package dev.lectern.domain.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * A text with places for the retrieved passages: its pieces, the passages going between each two.
 * The places are structure, not a marker in the text, so no text a user sends can make one.
 */
public record PassageText(List<String> pieces) {
  /** No text. */
  public static final PassageText EMPTY = new PassageText(List.of(""));

  public PassageText {
    pieces = List.copyOf(pieces);
    if (pieces.isEmpty()) {
      throw new IllegalArgumentException("a text has at least one piece");
    }
  }

  /** A text without passages. */
  public static PassageText of(String text) {
    return new PassageText(List.of(text));
  }

  /** {@code text} with the passages wherever {@code marker} stands in it. */
  public static PassageText marked(String text, String marker) {
    if (marker.isEmpty()) {
      throw new IllegalArgumentException("a marker has at least one character");
    }
    List<String> pieces = new ArrayList<>();
    int from = 0;
    for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, from)) {
      pieces.add(text.substring(from, at));
      from = at + marker.length();
    }
    pieces.add(text.substring(from));
    return new PassageText(pieces);
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
