package dev.lectern.domain.text;

/**
 * Policy: text from a client is made well-formed Unicode before it is counted or stored: a
 * surrogate without its partner (JSON can encode one) becomes U+FFFD, as a UTF-8 decoder would make
 * it.
 */
public final class WellFormed {
  private WellFormed() {}

  public static String text(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder fixed = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
              : !Character.isLowSurrogate(c)
                  || (i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
      if (!paired && fixed == null) {
        fixed = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (fixed != null) {
        fixed.append(paired ? c : '\uFFFD');
      }
    }
    return fixed == null ? text : fixed.toString();
  }
}
