package dev.lectern.domain.conversation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Policy: the {@code [n]} markers by which an answer cites its passages ({@link KnowledgeText}
 * numbers them from 1), found in a text that arrives piece by piece. A piece ending inside what may
 * still become a marker is held back until the next piece tells; each dialect only says how it
 * writes a marker ({@link Form}).
 */
public final class CitationMarkers {
  /** The most digits a marker's number has. */
  private static final int MAX_DIGITS = 4;

  /** How a dialect writes a marker. */
  @FunctionalInterface
  public interface Form {
    /**
     * The text that stands for the marker {@code written} (the space before it included when the
     * markers take it), which cites passage {@code passage}.
     */
    String write(int passage, String space, String written);
  }

  private static final Pattern MARKER = Pattern.compile("( ?)\\[(\\d{1," + MAX_DIGITS + "})]");
  private static final Pattern BARE_MARKER = Pattern.compile("()\\[(\\d{1," + MAX_DIGITS + "})]");
  private static final Pattern UNFINISHED = Pattern.compile(" ?\\[\\d{0," + MAX_DIGITS + "}$| $");
  private static final Pattern BARE_UNFINISHED = Pattern.compile("\\[\\d{0," + MAX_DIGITS + "}$");

  private final Form form;
  private final boolean takesSpace;
  private final StringBuilder held = new StringBuilder();

  /**
   * Markers written in {@code form}; with {@code takesSpace}, a marker takes the one space before
   * it along (for a form that may drop markers and should leave no space behind).
   */
  public CitationMarkers(Form form, boolean takesSpace) {
    this.form = form;
    this.takesSpace = takesSpace;
  }

  /** A whole text with its markers written in the form. */
  public String all(String text) {
    return next(text) + rest();
  }

  /** The next piece, rewritten as far as it can be; what may still become a marker waits. */
  public String next(String piece) {
    held.append(piece);
    Matcher unfinished = (takesSpace ? UNFINISHED : BARE_UNFINISHED).matcher(held);
    int end = unfinished.find() ? unfinished.start() : held.length();
    String ready = rewrite(held.substring(0, end));
    held.delete(0, end);
    return ready;
  }

  /** What is still held back, at the end of the text. */
  public String rest() {
    String rest = rewrite(held.toString());
    held.setLength(0);
    return rest;
  }

  private String rewrite(String text) {
    Matcher marker = (takesSpace ? MARKER : BARE_MARKER).matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 16);
    while (marker.find()) {
      int passage = Integer.parseInt(marker.group(2));
      String replacement = form.write(passage, marker.group(1), marker.group());
      marker.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    marker.appendTail(out);
    return out.toString();
  }
}
