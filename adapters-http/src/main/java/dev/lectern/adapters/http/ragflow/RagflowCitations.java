package dev.lectern.adapters.http.ragflow;

import dev.lectern.domain.conversation.CitationMarkers;

/**
 * Lectern's citation markers ({@code [n]}, counting passages from 1) in RAGFlow's form: {@code
 * [ID:n]}, counting the chunks of the answer's reference from 0; or none when the chat does not
 * quote. A stream is rewritten piece by piece, holding back a marker cut between two pieces.
 */
final class RagflowCitations {
  private final CitationMarkers markers;

  RagflowCitations(boolean quote) {
    this.markers =
        new CitationMarkers((passage, space, written) -> form(quote, passage, space), true);
  }

  /** A whole text's markers rewritten. */
  static String rewrite(String text, boolean quote) {
    return new RagflowCitations(quote).markers.all(text);
  }

  /** Passages count from 1; a {@code [0]} names none and is dropped, as all are without quotes. */
  private static String form(boolean quote, int passage, String space) {
    return quote && passage > 0 ? space + "[ID:" + (passage - 1) + "]" : "";
  }

  /** The next piece, rewritten as far as it can be; an unfinished marker waits for the next. */
  String next(String piece) {
    return markers.next(piece);
  }

  /** What is still held at the end of the stream. */
  String rest() {
    return markers.rest();
  }
}
