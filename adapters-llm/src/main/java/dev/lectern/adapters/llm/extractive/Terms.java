package dev.lectern.adapters.llm.extractive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a text as the extractive model compares them: lower-cased, common function words
 * left out, plural and verb endings trimmed, Chinese and Japanese characters as overlapping pairs.
 */
final class Terms {
  private static final Set<String> STOP =
      Set.of(
          // English
          "a",
          "an",
          "and",
          "are",
          "as",
          "at",
          "be",
          "but",
          "by",
          "can",
          "do",
          "does",
          "for",
          "from",
          "has",
          "have",
          "how",
          "i",
          "if",
          "in",
          "into",
          "is",
          "it",
          "its",
          "me",
          "my",
          "no",
          "not",
          "of",
          "on",
          "or",
          "our",
          "so",
          "such",
          "than",
          "that",
          "the",
          "their",
          "then",
          "there",
          "these",
          "they",
          "this",
          "to",
          "was",
          "we",
          "were",
          "what",
          "when",
          "where",
          "which",
          "who",
          "why",
          "will",
          "with",
          "you",
          "your",
          // Spanish
          "de",
          "la",
          "el",
          "en",
          "y",
          "los",
          "las",
          "del",
          "se",
          "un",
          "una",
          "por",
          "con",
          "para",
          "es",
          "que",
          "qué",
          "al",
          "lo",
          "como",
          "cómo",
          "cuál",
          "cuándo",
          "dónde",
          // Russian
          "и",
          "в",
          "во",
          "не",
          "на",
          "с",
          "со",
          "что",
          "как",
          "а",
          "по",
          "к",
          "у",
          "из",
          "о",
          "об",
          "за",
          "от",
          "до",
          "ли",
          "же",
          "это",
          "какой",
          "какая",
          "где",
          "когда");

  private Terms() {}

  static List<String> of(String text) {
    List<String> terms = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < lower.length()) {
      int c = lower.codePointAt(i);
      if (ideographic(c)) {
        int next = i + Character.charCount(c);
        if (next < lower.length() && ideographic(lower.codePointAt(next))) {
          int after = next + Character.charCount(lower.codePointAt(next));
          terms.add(lower.substring(i, after));
        } else if (i == 0 || !ideographic(lower.codePointBefore(i))) {
          terms.add(lower.substring(i, next));
        }
        i = next;
      } else if (Character.isLetterOrDigit(c)) {
        int start = i;
        while (i < lower.length()
            && Character.isLetterOrDigit(lower.codePointAt(i))
            && !ideographic(lower.codePointAt(i))) {
          i += Character.charCount(lower.codePointAt(i));
        }
        String word = lower.substring(start, i);
        if (!STOP.contains(word)) {
          terms.add(trim(word));
        }
      } else {
        i += Character.charCount(c);
      }
    }
    return terms;
  }

  /** A light, deterministic stemmer: "refunds", "refunded" and "refunding" all become "refund". */
  static String trim(String word) {
    int n = word.length();
    if (n > 4 && word.endsWith("ies")) {
      return word.substring(0, n - 3) + "y";
    }
    if (n > 5 && word.endsWith("ing")) {
      return word.substring(0, n - 3);
    }
    if (n > 4 && word.endsWith("ed")) {
      return word.substring(0, n - 2);
    }
    if (n > 4 && (word.endsWith("ses") || word.endsWith("xes") || word.endsWith("ches"))) {
      return word.substring(0, n - 2);
    }
    if (n > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) {
      return word.substring(0, n - 1);
    }
    return word;
  }

  private static boolean ideographic(int c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA;
  }
}
