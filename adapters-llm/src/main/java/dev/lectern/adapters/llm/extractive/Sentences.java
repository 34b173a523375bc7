package dev.lectern.adapters.llm.extractive;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits passages into the sentences worth quoting: after {@code . ! ?} followed by a space, and at
 * line breaks. Headings are none: a markdown heading, or a piece that ends without a sentence's
 * punctuation and is short (fewer than four words) or has every longer word capitalised, as a title
 * has ("Refunds", "Lectern Sample Handbook", a table's header row).
 */
final class Sentences {
  /** Sentences shorter than this many letters or digits say too little to quote. */
  private static final int MIN_WORD_CHARS = 3;

  /** A piece without a sentence's end needs this many words to count as one. */
  private static final int MIN_UNPUNCTUATED_WORDS = 4;

  private Sentences() {}

  static List<String> of(String passage) {
    List<String> sentences = new ArrayList<>();
    for (String line : passage.split("\\R")) {
      if (markdownHeading(line.strip())) {
        continue;
      }
      String text = withoutMarkup(line);
      int start = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean end =
            ends(c)
                && (i + 1 == text.length()
                    || Character.isWhitespace(text.charAt(i + 1))
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
    String sentence = candidate.strip();
    if (enoughLetters(sentence) && (punctuated(sentence) || !headingLike(sentence))) {
      sentences.add(sentence);
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
   * Too few words to say anything (a run of ideographs counts a word per two), or every word of
   * more than three letters capitalised.
   */
  private static boolean headingLike(String piece) {
    int words = 0;
    boolean titled = true;
    boolean anyLong = false;
    for (String token : piece.split("\\s+")) {
      int ideographs = 0;
      int letters = 0;
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        if (Character.isIdeographic(c)) {
          ideographs++;
        } else if (Character.isLetterOrDigit(c)) {
          letters++;
        }
      }
      words += (ideographs + 1) / 2 + (letters > 0 ? 1 : 0);
      char first = token.isEmpty() ? ' ' : token.charAt(0);
      if (letters > 3 && Character.isLetter(first)) {
        anyLong = true;
        titled &= Character.isUpperCase(first);
      }
    }
    return words < MIN_UNPUNCTUATED_WORDS || (anyLong && titled);
  }
}
