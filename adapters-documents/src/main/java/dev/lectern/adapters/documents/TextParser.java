package dev.lectern.adapters.documents;

import java.nio.charset.StandardCharsets;

/** Parser: plain text and markdown, decoded as UTF-8 with line endings normalised. */
final class TextParser implements FormatParser {
  @Override
  public String parse(byte[] bytes) {
    return decode(bytes);
  }

  static String decode(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return text.replace("\r\n", "\n").replace('\r', '\n').replace("\u0000", "");
  }
}
