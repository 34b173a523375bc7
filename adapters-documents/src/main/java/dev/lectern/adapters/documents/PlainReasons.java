package dev.lectern.adapters.documents;

import java.util.regex.Pattern;

/**
 * Turns a parser library's failure into a reason a client may read: its message when it is plain
 * words, else a generic one. Library messages often name classes, methods and settings.
 */
final class PlainReasons {
  static final String GENERIC = "the file is damaged, encrypted or not of that type";
  private static final int MAX_LENGTH = 300;
  private static final Pattern TECHNICAL =
      Pattern.compile(
          "(?i)\\b(java|javax|jdk|sun|org|com|net)\\.[a-z]|exception|\\w\\(\\)|\\w\\.\\w+\\(|\\$|"
              + "\\bat line \\d+ col|stack");

  private PlainReasons() {}

  static String of(Throwable failure) {
    String message = failure == null ? null : failure.getMessage();
    if (message == null || message.isBlank()) {
      return GENERIC;
    }
    String plain = message.strip().replaceAll("\\s+", " ");
    if (plain.length() > MAX_LENGTH || TECHNICAL.matcher(plain).find()) {
      return GENERIC;
    }
    return plain;
  }
}
