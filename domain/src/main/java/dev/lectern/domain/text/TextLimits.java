package dev.lectern.domain.text;

/**
 * Policy: how a text that is longer than a store allows is shortened: its head and tail are kept (a
 * failure's cause is usually at one end), with a marker saying how much was cut.
 */
public final class TextLimits {
  private TextLimits() {}

  /** {@code text} if it fits in {@code max} characters, else its head and tail with a marker. */
  public static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    if (max < 64) {
      return text.substring(0, safeEnd(text, max));
    }
    String probe = marker(text.length());
    int keep = max - probe.length();
    int head = safeEnd(text, keep - keep / 3);
    int tailStart = safeStart(text, text.length() - (keep - head));
    String marker = marker(text.length() - head - (text.length() - tailStart));
    return text.substring(0, head) + marker + text.substring(tailStart);
  }

  private static String marker(int removed) {
    return " [… " + removed + " characters cut …] ";
  }

  /** An end index that does not split a surrogate pair. */
  private static int safeEnd(String text, int end) {
    return end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
  }

  private static int safeStart(String text, int start) {
    return start < text.length() && Character.isLowSurrogate(text.charAt(start))
        ? start + 1
        : start;
  }
}
