package dev.lectern.domain.text;

/** How many bytes a text takes in UTF-8, counted without encoding it. */
public final class Utf8 {
  private Utf8() {}

  public static long length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        // A lone surrogate is written as the replacement character, three bytes.
        bytes += 3;
      }
    }
    return bytes;
  }
}
