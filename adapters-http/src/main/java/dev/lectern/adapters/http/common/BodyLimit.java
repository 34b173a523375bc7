package dev.lectern.adapters.http.common;

/**
 * Value: how large a request body may be, and how long any one string in it, both checked while the
 * body is read.
 *
 * @param maxBytes the longest body, in bytes
 * @param maxStringChars the longest string value anywhere in it, in characters
 */
public record BodyLimit(long maxBytes, int maxStringChars) {
  public BodyLimit {
    if (maxBytes < 1 || maxStringChars < 1) {
      throw new IllegalArgumentException("body limits must be positive");
    }
  }

  /**
   * A limit on a body that carries strings of at most {@code maxStringChars}: room for one such
   * string with every character escaped ({@code \u0416} is six bytes), and for the rest of a small
   * request.
   */
  public static BodyLimit forStrings(int maxStringChars) {
    return new BodyLimit(6L * maxStringChars + 16 * 1024, maxStringChars);
  }
}
