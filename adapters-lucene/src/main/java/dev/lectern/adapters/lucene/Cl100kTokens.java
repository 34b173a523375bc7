package dev.lectern.adapters.lucene;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingResult;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts cl100k_base tokens without costs that grow with what is not needed: a text that cannot fit
 * a budget is not counted to its end, and the count of two texts joined at a line break is the sum
 * of their counts whenever no token can span the join.
 */
final class Cl100kTokens {
  /** No cl100k_base token covers more characters than this (its longest is 128 bytes). */
  static final int LONGEST_TOKEN_CHARS = 128;

  /**
   * Up to this many characters per token of budget a text is counted whole; beyond, the count stops
   * once it passes the budget. Text averages three to five characters per token.
   */
  private static final int SHORT_CHARS_PER_TOKEN = 8;

  /** Runs of spaces at least this long are counted by {@link #spaces}. */
  private static final int PEELED_RUN = 64;

  private static final int SPACE_PERIOD = 128;
  private static volatile int[] spaceRuns;

  private static final CompletableFuture<Encoding> CL100K = new CompletableFuture<>();
  private static final AtomicBoolean LOADING = new AtomicBoolean();

  private Cl100kTokens() {}

  /** Starts reading the ranks on a background thread; idempotent. */
  static void preload() {
    if (LOADING.compareAndSet(false, true)) {
      Thread loader =
          new Thread(
              () -> {
                try {
                  CL100K.complete(
                      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE));
                } catch (Throwable e) {
                  CL100K.completeExceptionally(e);
                }
              },
              "lectern-cl100k-load");
      loader.setDaemon(true);
      loader.start();
    }
  }

  private static Encoding encoding() {
    Encoding loaded = CL100K.getNow(null);
    if (loaded == null) {
      preload();
      loaded = CL100K.join();
    }
    return loaded;
  }

  static int count(String text) {
    int run = peelableSpaces(text);
    if (run > 0) {
      return spaces(run - 1) + encoding().countTokensOrdinary(text.substring(run - 1));
    }
    return encoding().countTokensOrdinary(text);
  }

  /**
   * The length of a long run of spaces that {@code text} starts with and that a non-space follows,
   * else 0. The pre-tokenizer makes all but the last space of such a run one piece (the last joins
   * what follows), so the run is counted apart: a run of indentation costs nothing to count.
   */
  private static int peelableSpaces(String text) {
    int run = 0;
    while (run < text.length() && text.charAt(run) == ' ') {
      run++;
    }
    return run >= PEELED_RUN && run < text.length() && !isSpace(text.charAt(run)) ? run : 0;
  }

  /**
   * The count of {@code n} spaces alone. Byte-pair merging turns a run of spaces into runs of 128
   * (cl100k_base's longest space token) and a remainder, so the count repeats with period 128 from
   * the counts of 1 to 128 spaces, read once.
   */
  static int spaces(int n) {
    int[] runs = spaceRuns;
    if (runs == null) {
      runs = new int[SPACE_PERIOD];
      StringBuilder spaces = new StringBuilder(SPACE_PERIOD);
      for (int i = 0; i < SPACE_PERIOD; i++) {
        runs[i] = encoding().countTokensOrdinary(spaces.append(' ').toString());
      }
      spaceRuns = runs;
    }
    return runs[(n - 1) % SPACE_PERIOD] + (n - 1) / SPACE_PERIOD;
  }

  /**
   * The exact count of {@code text} when it is at most {@code max}, else -1. A text longer than
   * {@code max} of the longest tokens is over without being read; otherwise reading stops once the
   * count passes {@code max}.
   */
  static int countWithin(String text, int max) {
    int run = peelableSpaces(text);
    if (run > 0) {
      int spaces = spaces(run - 1);
      int rest = spaces > max ? -1 : countWithin(text.substring(run - 1), max - spaces);
      return rest < 0 ? -1 : spaces + rest;
    }
    if ((long) text.length() > (long) max * LONGEST_TOKEN_CHARS) {
      return -1;
    }
    if (text.length() <= (long) max * SHORT_CHARS_PER_TOKEN) {
      // Short enough that counting it all is cheaper than a truncated encoding.
      int tokens = count(text);
      return tokens <= max ? tokens : -1;
    }
    // A truncated result may hold fewer tokens than asked for: it is cut back to whole
    // characters. Only an untruncated one is a count.
    EncodingResult result = encoding().encodeOrdinary(text, max + 1);
    int tokens = result.getTokens().size();
    return !result.isTruncated() && tokens <= max ? tokens : -1;
  }

  /**
   * Whether no token can span the join of {@code left} and {@code right}, so that the count of the
   * two joined is the sum of their counts. cl100k_base's pre-tokenizer ends a piece at a line break
   * unless the break is followed by another one (line breaks merge) or by white space that reaches
   * one; it never looks behind. So a join is clean when {@code left} ends with a line break and
   * {@code right} starts with anything but white space that holds a line break.
   */
  static boolean joinsCleanly(String left, String right) {
    if (left.isEmpty() || right.isEmpty() || left.charAt(left.length() - 1) != '\n') {
      return false;
    }
    for (int i = 0; i < right.length(); i++) {
      char c = right.charAt(i);
      if (c == ' ' || c == '\t') {
        continue;
      }
      return !isSpace(c);
    }
    return false;
  }

  /** White space as any definition the pre-tokenizer might use could see it. */
  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }
}
