package dev.lectern.bench;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A synthetic multilingual corpus generated from a seed: document {@code i} and query {@code i} are
 * the same in every run with that seed. Words follow a Zipf law per language; documents are about
 * {@link #DOCUMENT_BYTES} bytes of UTF-8 in paragraphs of sentences.
 */
final class Corpus {
  static final int DOCUMENT_BYTES = 2048;

  /** The most frequent ranks act like stop words; queries skip them. */
  private static final int QUERY_SKIPPED_RANKS = 20;

  private static final Zipf WORDS = new Zipf(Vocabulary.WORDS, 1.07);

  private final long seed;

  Corpus(long seed) {
    this.seed = seed;
  }

  record Document(int index, Vocabulary language, String text) {
    String name() {
      return "doc-" + index;
    }
  }

  Document document(int index) {
    SplittableRandom random = new SplittableRandom(mix(seed, index));
    Vocabulary language = language(random);
    StringBuilder text = new StringBuilder(DOCUMENT_BYTES + 256);
    int bytes = 0;
    while (bytes < DOCUMENT_BYTES) {
      String paragraph = paragraph(random, language);
      if (!text.isEmpty()) {
        text.append("\n\n");
      }
      text.append(paragraph);
      bytes += paragraph.getBytes(StandardCharsets.UTF_8).length + 2;
    }
    return new Document(index, language, text.toString());
  }

  /** A query of one to three words of one language, drawn from the same Zipf law. */
  String query(int index) {
    SplittableRandom random = new SplittableRandom(mix(~seed, index));
    Vocabulary language = language(random);
    int count = 1 + random.nextInt(3);
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < count; i++) {
      int rank;
      do {
        rank = WORDS.next(random);
      } while (rank < QUERY_SKIPPED_RANKS);
      if (i > 0) {
        query.append(' ');
      }
      query.append(language.word(rank));
    }
    return query.toString();
  }

  private static Vocabulary language(SplittableRandom random) {
    double draw = random.nextDouble();
    for (Vocabulary language : Vocabulary.values()) {
      draw -= language.share();
      if (draw < 0) {
        return language;
      }
    }
    return Vocabulary.ENGLISH;
  }

  private static String paragraph(SplittableRandom random, Vocabulary language) {
    int sentences = 2 + random.nextInt(4);
    StringBuilder paragraph = new StringBuilder();
    for (int s = 0; s < sentences; s++) {
      if (s > 0) {
        paragraph.append(language.separator().isEmpty() ? "" : " ");
      }
      int words = 6 + random.nextInt(10);
      for (int w = 0; w < words; w++) {
        String word = language.word(WORDS.next(random));
        if (w == 0 && !language.separator().isEmpty()) {
          word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
        } else if (w > 0) {
          paragraph.append(language.separator());
        }
        paragraph.append(word);
      }
      paragraph.append(language.sentenceEnd());
    }
    return paragraph.toString();
  }

  private static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
