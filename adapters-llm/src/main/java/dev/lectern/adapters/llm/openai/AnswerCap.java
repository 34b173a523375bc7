package dev.lectern.adapters.llm.openai;

import dev.lectern.application.port.out.ModelRequest;

/**
 * Policy: how much of an upstream answer is kept. A server may ignore {@code max_tokens}; reading
 * stops once the answer is longer than {@code max_tokens} could be in any language, or longer than
 * the longest answer Lectern keeps, whatever was asked. The answer is then cut there and ends as
 * cut for length. Characters are counted, not tokens: the server's tokenizer is not Lectern's, and
 * an honest answer's tokens average under ten characters in every language (about four and a half
 * in English, five in Russian, under two in Chinese), so an answer the server ended near its limit
 * is never cut.
 */
final class AnswerCap {
  /** The most characters a token of an honest answer averages, with room to spare. */
  static final int CHARS_PER_TOKEN = 10;

  private static final int MARGIN_CHARS = 256;

  private final long maxChars;
  private boolean reached;

  AnswerCap(ModelRequest request, int maxAnswerChars) {
    Integer asked = request.settings().maxTokens();
    long forTokens =
        asked == null || asked <= 0
            ? Long.MAX_VALUE
            : (long) asked * CHARS_PER_TOKEN + MARGIN_CHARS;
    this.maxChars = Math.min(maxAnswerChars, forTokens);
  }

  /**
   * Counts the text {@code piece} the reply just took (tool calls count too) and cuts the reply
   * back to what is kept; returns the part of the piece that was kept (all of it until the cap).
   */
  String admit(ReplyBuilder reply, String piece) {
    if (reached) {
      reply.cut(piece.length());
      return "";
    }
    int keep = piece.length();
    long over = reply.chars() - maxChars;
    if (over > 0) {
      keep = (int) Math.max(0, keep - over);
      reached = true;
    }
    if (keep > 0 && keep < piece.length() && Character.isHighSurrogate(piece.charAt(keep - 1))) {
      keep--;
    }
    reply.cut(piece.length() - keep);
    if (reply.chars() >= maxChars) {
      reached = true;
    }
    return piece.substring(0, keep);
  }

  /** Whether the answer reached the cap: reading stops, and it ends as cut for length. */
  boolean reached() {
    return reached;
  }
}
