package dev.lectern.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The invented words of one language, most frequent first: syllables of that script put together,
 * so each language tokenizes like its real counterpart (spaces between Latin and Cyrillic words,
 * none between Chinese ones).
 */
enum Vocabulary {
  ENGLISH(
      " ",
      ".",
      new String[] {
        "b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "w", "st", "th"
      },
      new String[] {"a", "e", "i", "o", "u", "ea", "ou", "y"},
      0.40),
  SPANISH(
      " ",
      ".",
      new String[] {
        "b", "c", "d", "f", "g", "j", "l", "ll", "m", "n", "ñ", "p", "r", "rr", "s", "t"
      },
      new String[] {"a", "e", "i", "o", "u", "á", "é", "ió", "ue"},
      0.25),
  RUSSIAN(
      " ",
      ".",
      new String[] {"б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ч", "ш"},
      new String[] {"а", "е", "и", "о", "у", "ы", "я", "ю"},
      0.20),
  CHINESE("", "。", null, null, 0.15);

  static final int WORDS = 30_000;

  private final String separator;
  private final String sentenceEnd;
  private final String[] onsets;
  private final String[] nuclei;
  private final double share;
  private List<String> words;

  Vocabulary(String separator, String sentenceEnd, String[] onsets, String[] nuclei, double share) {
    this.separator = separator;
    this.sentenceEnd = sentenceEnd;
    this.onsets = onsets;
    this.nuclei = nuclei;
    this.share = share;
  }

  String separator() {
    return separator;
  }

  String sentenceEnd() {
    return sentenceEnd;
  }

  /** How large a part of the corpus is written in this language. */
  double share() {
    return share;
  }

  /** The word of a frequency rank (0 = most frequent); the same for every seed. */
  synchronized String word(int rank) {
    if (words == null) {
      words = invent();
    }
    return words.get(rank);
  }

  private List<String> invent() {
    SplittableRandom random = new SplittableRandom(ordinal() * 7919L + 17);
    Set<String> found = new LinkedHashSet<>();
    while (found.size() < WORDS) {
      found.add(onsets == null ? ideographs(random) : syllables(random));
    }
    return List.copyOf(found);
  }

  private String syllables(SplittableRandom random) {
    int count = 1 + random.nextInt(4);
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < count; i++) {
      word.append(onsets[random.nextInt(onsets.length)]);
      word.append(nuclei[random.nextInt(nuclei.length)]);
    }
    return word.toString();
  }

  /** Two or three CJK Unified Ideographs from the common block. */
  private static String ideographs(SplittableRandom random) {
    int count = 2 + random.nextInt(2);
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < count; i++) {
      word.appendCodePoint(0x4E00 + random.nextInt(3000));
    }
    return word.toString();
  }
}
