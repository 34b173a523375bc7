package dev.lectern.adapters.llm.extractive;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits passages into the sentences worth quoting: after {@code . ! ?} followed by a space, and at
 * line breaks (a question and its answer, as the qa method writes them, stay one). Headings are
 * none: a markdown heading, a markdown table's header row, or a piece with no sentence's end that
 * is short (fewer than four words; two ideographs count one) or has every longer word capitalised,
 * as a title has ("Refunds", "2.4 Release Notes", "Chapter 3"). A piece that holds a value ({@code
 * Refunds: 5 days}, {@code Срок: пять дней}) or a figure beside a lower-case word is data, and kept
 * however short, as is a table row with a figure or a lower-case word in it.
 */
final class Sentences {
  /** Sentences shorter than this many letters or digits say too little to quote. */
  private static final int MIN_WORD_CHARS = 3;

  /** A piece without a sentence's end needs this many words to count as one. */
  private static final int MIN_UNPUNCTUATED_WORDS = 4;

  /** How the qa method joins a question to its answer. */
  private static final String ANSWER = "\tAnswer: ";

  /** A markdown table's line under its header: {@code |---|:---:|}. */
  private static final Pattern TABLE_SEPARATOR = Pattern.compile("\\|?(\\s*:?-{3,}:?\\s*\\|)+\\s*");

  /** A section's number before its title: {@code 2.}, {@code 2.4.1}. */
  private static final Pattern SECTION_NUMBER = Pattern.compile("^\\d+(\\.\\d+)*\\.?\\s+");

  private Sentences() {}

  static List<String> of(String passage) {
    List<String> sentences = new ArrayList<>();
    String[] lines = passage.split("\\R");
    for (int l = 0; l < lines.length; l++) {
      String line = lines[l].strip();
      boolean headerRow =
          line.startsWith("|")
              && l + 1 < lines.length
              && TABLE_SEPARATOR.matcher(lines[l + 1].strip()).matches();
      if (markdownHeading(line) || headerRow || TABLE_SEPARATOR.matcher(line).matches()) {
        continue;
      }
      String text = withoutMarkup(line);
      boolean row = line.startsWith("|");
      int start = 0;
      for (int i = 0; i < text.length(); i++) {
        if (ends(text.charAt(i)) && endsAt(text, i)) {
          add(sentences, text.substring(start, i + 1), row);
          start = i + 1;
        }
      }
      add(sentences, text.substring(start), row);
    }
    return sentences;
  }

  private static boolean ends(char c) {
    return c == '.' || c == '!' || c == '?' || c == '。' || c == '！' || c == '？';
  }

  /** Whether the mark at {@code i} ends a sentence: at the end, before a space, or ideographic. */
  private static boolean endsAt(String text, int i) {
    return i + 1 == text.length()
        || text.charAt(i) > 0x3000
        || (Character.isWhitespace(text.charAt(i + 1)) && !text.startsWith(ANSWER, i + 1));
  }

  private static boolean markdownHeading(String line) {
    int hashes = 0;
    while (hashes < line.length() && line.charAt(hashes) == '#') {
      hashes++;
    }
    return hashes > 0 && hashes <= 6 && hashes < line.length() && line.charAt(hashes) == ' ';
  }

  /** A list item's bullet, a table row's pipes: not words. */
  private static String withoutMarkup(String line) {
    String text = line.strip();
    if (text.startsWith("- ") || text.startsWith("* ") || text.startsWith("+ ")) {
      text = text.substring(2);
    }
    if (text.startsWith("|")) {
      text = text.substring(1, text.endsWith("|") ? text.length() - 1 : text.length());
      text = text.strip().replaceAll("\\s*\\|\\s*", "; ");
    }
    return text.strip();
  }

  /** {@code row}: a table's row, whose cells are data when any holds a figure or a small word. */
  private static void add(List<String> sentences, String candidate, boolean row) {
    String sentence = candidate.strip();
    if (enoughLetters(sentence) && (punctuated(sentence) || !headingLike(sentence, row))) {
      sentences.add(sentence.replace(ANSWER, " Answer: "));
    }
  }

  private static boolean enoughLetters(String sentence) {
    int wordChars = 0;
    for (int i = 0; i < sentence.length() && wordChars < MIN_WORD_CHARS; i++) {
      if (Character.isLetterOrDigit(sentence.charAt(i))) {
        wordChars++;
      }
    }
    return wordChars >= MIN_WORD_CHARS;
  }

  /** Whether it ends as a sentence does, closing quotes and brackets aside. */
  private static boolean punctuated(String sentence) {
    int last = sentence.length() - 1;
    while (last >= 0 && "\"')]»”’".indexOf(sentence.charAt(last)) >= 0) {
      last--;
    }
    return last >= 0 && ends(sentence.charAt(last));
  }

  /**
   * No data, and too few words to say anything or every word of more than three letters
   * capitalised, a section number before it aside.
   */
  private static boolean headingLike(String piece, boolean row) {
    if (holdsValue(piece)) {
      return false;
    }
    String title = SECTION_NUMBER.matcher(piece).replaceFirst("");
    int words = 0;
    int ideographs = 0;
    boolean titled = true;
    boolean anyLong = false;
    boolean figure = false;
    boolean lowerCase = false;
    for (String token : title.split("\\s+")) {
      int letters = 0;
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        if (Character.isIdeographic(c)) {
          ideographs++;
        } else if (Character.isLetter(c)) {
          letters++;
        } else if (Character.isDigit(c)) {
          figure = true;
        }
      }
      words += letters > 0 ? 1 : 0;
      if (letters > 0 && Character.isLowerCase(token.charAt(0))) {
        lowerCase = true;
      }
      if (letters > 3 && Character.isLetter(token.charAt(0))) {
        anyLong = true;
        titled &= Character.isUpperCase(token.charAt(0));
      }
    }
    if (figure && (lowerCase || row) || lowerCase && row) {
      return false;
    }
    return words + ideographs / 2 < MIN_UNPUNCTUATED_WORDS || (anyLong && titled);
  }

  /** A {@code :} or {@code ：} with text after it: a name and its value. */
  private static boolean holdsValue(String piece) {
    for (int i = 0; i + 1 < piece.length(); i++) {
      char c = piece.charAt(i);
      if ((c == ':' || c == '：') && !piece.substring(i + 1).isBlank()) {
        return true;
      }
    }
    return false;
  }
}
