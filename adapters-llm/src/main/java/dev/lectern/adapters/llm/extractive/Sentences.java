package dev.lectern.adapters.llm.extractive;

import java.util.ArrayList;
import java.util.List;

/** Splits passages into sentences: after {@code . ! ?} followed by a space, and at line breaks. */
final class Sentences {
  /** Sentences shorter than this many letters or digits say too little to quote. */
  private static final int MIN_WORD_CHARS = 3;

  private Sentences() {}

  static List<String> of(String passage) {
    List<String> sentences = new ArrayList<>();
    for (String line : passage.split("\\R")) {
      String text = withoutMarkup(line);
      int start = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean end =
            (c == '.' || c == '!' || c == '?' || c == '。' || c == '！' || c == '？')
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

  /** A markdown heading's hashes, a list item's bullet, a table row's pipes: not words. */
  private static String withoutMarkup(String line) {
    String text = line.strip();
    int hashes = 0;
    while (hashes < text.length() && text.charAt(hashes) == '#') {
      hashes++;
    }
    if (hashes > 0 && hashes < text.length() && text.charAt(hashes) == ' ') {
      text = text.substring(hashes + 1);
    }
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
    int wordChars = 0;
    for (int i = 0; i < sentence.length() && wordChars < MIN_WORD_CHARS; i++) {
      if (Character.isLetterOrDigit(sentence.charAt(i))) {
        wordChars++;
      }
    }
    if (wordChars >= MIN_WORD_CHARS) {
      sentences.add(sentence);
    }
  }
}
