package dev.lectern.domain.conversation;

import java.util.List;

/**
 * Policy: the retrieved passages as they go into a system prompt, numbered as answers cite them
 * ({@code [1]}, {@code [2]} …), within a budget of characters: passages that do not fit are left
 * out whole, later ones first, so that the best ones always reach the model.
 */
public final class KnowledgeText {
  /** About four characters make a token in the languages Lectern analyses. */
  public static final int CHARS_PER_TOKEN = 4;

  /** The most characters of passages any prompt or answer takes. */
  public static final int MAX_CHARS = 6000 * CHARS_PER_TOKEN;

  private KnowledgeText() {}

  /** How many of the references fit, best first, in {@code maxChars} once formatted. */
  public static int fitting(List<Reference> references, int maxChars) {
    int used = 0;
    for (int i = 0; i < references.size(); i++) {
      used += entry(i, references.get(i)).length();
      if (used > maxChars) {
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
