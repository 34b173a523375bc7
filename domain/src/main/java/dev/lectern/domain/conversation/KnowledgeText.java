package dev.lectern.domain.conversation;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Policy: the retrieved passages as they go into a system prompt, numbered as answers cite them
 * ({@code [1]}, {@code [2]} …), within a budget of tokens: passages that do not fit are left out
 * whole, later ones first, so that the best ones always reach the model.
 */
public final class KnowledgeText {
  /** The most tokens of passages any prompt takes. */
  public static final int MAX_TOKENS = 6000;

  /** The most characters of passages any prompt takes, whatever they come to in tokens. */
  public static final int MAX_CHARS = 24_000;

  private KnowledgeText() {}

  /**
   * How many of the references fit, best first, in {@code tokens} once formatted, each counted by
   * {@code count} (the model's own tokens), and in {@link #MAX_CHARS}.
   */
  public static int fitting(List<Reference> references, int tokens, ToIntFunction<String> count) {
    long used = 0;
    long chars = 0;
    for (int i = 0; i < references.size(); i++) {
      String entry = entry(i, references.get(i));
      chars += entry.length();
      if (chars > MAX_CHARS) {
        return i;
      }
      used += count.applyAsInt(entry);
      if (used > tokens) {
        return i;
      }
    }
    return references.size();
  }

  public static String format(List<Reference> references) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < references.size(); i++) {
      text.append(entry(i, references.get(i)));
    }
    return text.toString();
  }

  private static String entry(int index, Reference reference) {
    return "["
        + (index + 1)
        + "] "
        + reference.documentName()
        + "\n"
        + reference.snippet()
        + "\n\n";
  }
}
