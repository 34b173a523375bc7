package dev.lectern.adapters.llm.openai;

import dev.lectern.adapters.llm.TokenCounts;
import dev.lectern.application.port.out.ModelRequest;

/**
 * Policy: how much of an upstream answer is kept. A server may ignore {@code max_tokens}; reading
 * stops once the answer passes it by a margin (the server's tokenizer is not Lectern's, so its
 * tokens are counted as cl100k ones, piece by piece), or passes the longest answer Lectern keeps,
 * whatever was asked. The answer is then cut there and ends as cut for length.
 */
final class AnswerCap {
  /** Room above {@code max_tokens}: a half more, and a few tokens for short limits. */
  private static final int MARGIN_TOKENS = 32;

  private final long maxTokens;
  private final int maxChars;
  private long tokens;
  private boolean reached;

  AnswerCap(ModelRequest request, int maxChars) {
    Integer asked = request.settings().maxTokens();
    this.maxTokens =
        asked == null || asked <= 0 ? Long.MAX_VALUE : asked + asked / 2L + MARGIN_TOKENS;
    this.maxChars = maxChars;
  }

  /**
   * Counts the text {@code piece} the reply just took and cuts the reply back to what is kept;
   * returns the part of the piece that was kept (all of it until the cap is reached).
   */
  String admit(ReplyBuilder reply, String piece) {
    if (reached) {
      reply.cut(piece.length());
      return "";
    }
    int keep = piece.length();
    int over = reply.chars() - maxChars;
    if (over > 0) {
      keep = Math.max(0, keep - over);
      reached = true;
    }
    if (maxTokens != Long.MAX_VALUE && keep > 0) {
      int counted = TokenCounts.of(piece);
      if (tokens + counted > maxTokens) {
        long room = Math.max(0, maxTokens - tokens);
        keep = (int) Math.min(keep, piece.length() * room / Math.max(1, counted));
        reached = true;
      }
      tokens += counted;
    }
    if (keep > 0 && keep < piece.length() && Character.isHighSurrogate(piece.charAt(keep - 1))) {
      keep--;
    }
    reply.cut(piece.length() - keep);
    if (reply.chars() >= maxChars) {
      // Tool calls count too: an answer that is all arguments is as long as any other.
      reached = true;
    }
    return piece.substring(0, keep);
  }

  /** Whether the answer reached the cap: reading stops, and it ends as cut for length. */
  boolean reached() {
    return reached;
  }
}
