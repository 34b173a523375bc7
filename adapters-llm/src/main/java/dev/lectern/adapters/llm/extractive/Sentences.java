package dev.lectern.adapters.llm.extractive;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits passages into the sentences worth quoting: after {@code . ! ?} followed by a space, and at
 * line breaks (a question and its answer on one line, tab between, stay one). Headings are none: a
 * markdown heading, a markdown table's header row, or a line with no sentence's end, no figure and
 * no {@code name: value} in it that is short (fewer than four words, an ideograph counting one) or
 * has every longer word capitalised, as a title has ("Refunds", "Lectern Sample Handbook"). Lines
 * of data ({@code Refunds: 5 days}, a table row, a question and its answer) are kept, short or not.
 */
final class Sentences {
  /** Sentences shorter than this many letters or digits say too little to quote. */
  private static final int MIN_WORD_CHARS = 3;

  /** A line without a sentence's end needs this many words to count as one. */
  private static final int MIN_UNPUNCTUATED_WORDS = 4;

  private Sentences() {}

  static List<String> of(String passage) {
    List<String> sentences = new ArrayList<>();
    String[] lines = passage.split("\\R");
    for (int l = 0; l < lines.length; l++) {
      String line = lines[l].strip();
      if (markdownHeading(line)
          || (l + 1 < lines.length && tableSeparator(lines[l + 1].strip()))
          || tableSeparator(line)) {
        continue;
      }
      String text = withoutMarkup(line);
      if (!punctuated(text) && headingLike(text)) {
        continue;
      }
      int start = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        // A tab does not end a sentence: it joins a question to its answer (the qa method).
        boolean end =
            ends(c)
                && (i + 1 == text.length()
                    || (Character.isWhitespace(text.charAt(i + 1)) && text.charAt(i + 1) != '\t')
                    || c > 0x3000);
        if (end) {
          add(sentences, text.substring(start, i + 1));
          start = i + 1;
        }
      }
      add(sentences, text.substring(start));
    }
    return sentences;
  }

  private static boolean ends(char c) {
    return c == '.' || c == '!' || c == '?' || c == '。' || c == '！' || c == '？';
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
    if (text.startsWith("|") && text.endsWith("|")) {
      text = text.substring(1, text.length() - 1).replace(" | ", "; ").replace("|", "; ");
    }
    return text.strip();
  }

  private static void add(List<String> sentences, String candidate) {
    String sentence = candidate.strip().replace('\t', ' ');
    if (enoughLetters(sentence)) {
      sentences.add(sentence);
    }
  }

  /** A markdown table's line under its header: {@code |---|:--:|}. */
  private static boolean tableSeparator(String line) {
    return line.startsWith("|") && line.length() > 2 && line.matches("\\|[\\s:|-]*-[\\s:|-]*\\|");
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

  /** Whether a sentence's end is in it, closing quotes and brackets aside at the end. */
  private static boolean punctuated(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (ends(c)
          && (i + 1 == line.length()
              || Character.isWhitespace(line.charAt(i + 1))
              || "\"')]»”’".indexOf(line.charAt(i + 1)) >= 0
              || c > 0x3000)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A line that is no data (no figure, no {@code name: value}, no {@code ;}-separated cells) and
   * has too few words to say anything, or every word of more than three letters capitalised.
   */
  private static boolean headingLike(String line) {
    if (line.chars().anyMatch(Character::isDigit) || holdsValue(line)) {
      return false;
    }
    int words = 0;
    boolean titled = true;
    boolean anyLong = false;
    for (String token : line.split("\\s+")) {
      int letters = 0;
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        if (Character.isIdeographic(c)) {
          words++;
        } else if (Character.isLetter(c)) {
          letters++;
        }
      }
      words += letters > 0 ? 1 : 0;
      if (letters > 3 && Character.isLetter(token.charAt(0))) {
        anyLong = true;
        titled &= Character.isUpperCase(token.charAt(0));
      }
    }
    return words < MIN_UNPUNCTUATED_WORDS || (anyLong && titled);
  }

  /** A {@code :}, {@code ;}, {@code ：} or tab with text after it: a name and its value. */
  private static boolean holdsValue(String line) {
    for (int i = 0; i + 1 < line.length(); i++) {
      char c = line.charAt(i);
      if ((c == ':' || c == ';' || c == '：' || c == '\t') && !line.substring(i + 1).isBlank()) {
        return true;
      }
    }
    return false;
  }
}
