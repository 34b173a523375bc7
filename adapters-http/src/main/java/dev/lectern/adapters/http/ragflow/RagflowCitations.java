package dev.lectern.adapters.http.ragflow;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lectern's citation markers ({@code [n]}, counting passages from 1) in RAGFlow's form: {@code
 * [ID:n]}, counting the chunks of the answer's reference from 0; or none when the chat does not
 * quote. A stream is rewritten piece by piece, holding back a marker cut between two pieces.
 */
final class RagflowCitations {
  private static final Pattern MARKER = Pattern.compile("( ?)\\[(\\d{1,4})]");
  private static final Pattern UNFINISHED = Pattern.compile(" ?\\[\\d{0,4}$| $");

  private final boolean quote;
  private final StringBuilder held = new StringBuilder();

  RagflowCitations(boolean quote) {
    this.quote = quote;
  }

  /** A whole text's markers rewritten. */
  static String rewrite(String text, boolean quote) {
    Matcher marker = MARKER.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 16);
    while (marker.find()) {
      int passage = Integer.parseInt(marker.group(2));
      // Passages count from 1; a [0] names none and is dropped.
      String replacement =
          quote && passage > 0 ? marker.group(1) + "[ID:" + (passage - 1) + "]" : "";
      marker.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    marker.appendTail(out);
    return out.toString();
  }

  /** The next piece, rewritten as far as it can be; an unfinished marker waits for the next. */
  String next(String piece) {
    held.append(piece);
    Matcher unfinished = UNFINISHED.matcher(held);
    int end = unfinished.find() ? unfinished.start() : held.length();
    String ready = rewrite(held.substring(0, end), quote);
    held.delete(0, end);
    return ready;
  }

  /** What is still held at the end of the stream. */
  String rest() {
    String rest = rewrite(held.toString(), quote);
    held.setLength(0);
    return rest;
  }
}
