package dev.lectern.adapters.lucene;

import dev.lectern.application.port.out.Chunker;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.chunk.ChunkDraft;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adapter: splits text under a hard cap of cl100k_base tokens: at headings first, then blank-line
 * paragraphs, lines, sentences and words, and only as a last resort inside a word. Linear in the
 * text: a unit is counted once where it is packed, a piece made of whole lines is counted as the
 * sum of its lines, and a word too long for the cap is cut by estimate rather than by search.
 * Interrupting the thread stops it.
 */
public final class Cl100kChunker implements Chunker {
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t]*\\n\\s*");
  private static final Pattern LINE_BREAK = Pattern.compile("\\n");
  private static final Pattern WORD_END = Pattern.compile("\\s+");

  /** How full a piece cut inside a word aims to be; the estimate then rarely overshoots. */
  private static final double CUT_FILL = 0.97;

  private enum Level {
    PARAGRAPH,
    LINE,
    SENTENCE,
    WORD,
    CHARACTER
  }

  /**
   * Starts reading the cl100k_base ranks (about a quarter of a second) on a background thread, so
   * that start-up can open storage meanwhile. Idempotent; the first count waits for it.
   */
  public static void preload() {
    Cl100kTokens.preload();
  }

  @Override
  public int countTokens(String text) {
    return Cl100kTokens.count(text);
  }

  @Override
  public int countTokensWithin(String text, int max) {
    return Cl100kTokens.countWithin(text, max);
  }

  @Override
  public List<ChunkDraft> split(String text, int maxTokens) {
    requirePositive(maxTokens);
    List<ChunkDraft> drafts = new ArrayList<>();
    for (MarkdownSections.Section section : MarkdownSections.of(text)) {
      for (Piece piece : fit(section.text(), maxTokens, Level.PARAGRAPH)) {
        drafts.add(new ChunkDraft(piece.text(), piece.tokens(), section.headingPath()));
      }
    }
    return drafts;
  }

  @Override
  public Regrouper regroup(int maxTokens, Consumer<Regrouped> out) {
    requirePositive(maxTokens);
    return new Regrouper() {
      /** The result being built: merged from neighbours until the next one would not fit. */
      private Regrouped pending;

      @Override
      public void add(Chunk chunk) {
        // A stored chunk carries the exact count it was split with; only oversize ones are
        // recounted.
        if (chunk.tokenCount() <= maxTokens) {
          offer(
              new Regrouped(
                  new ChunkDraft(chunk.text(), chunk.tokenCount(), chunk.headingPath()), chunk));
          return;
        }
        for (Piece part : fit(chunk.text(), maxTokens, Level.PARAGRAPH)) {
          offer(
              new Regrouped(new ChunkDraft(part.text(), part.tokens(), chunk.headingPath()), null));
        }
      }

      private void offer(Regrouped piece) {
        if (pending != null
            && pending.draft().tokenCount() + piece.draft().tokenCount() < maxTokens) {
          String joined = pending.draft().text() + "\n\n" + piece.draft().text();
          int tokens = Cl100kTokens.countWithin(joined, maxTokens);
          if (tokens >= 0) {
            pending =
                new Regrouped(new ChunkDraft(joined, tokens, pending.draft().headingPath()), null);
            return;
          }
        }
        if (pending != null) {
          out.accept(pending);
        }
        pending = piece;
      }

      @Override
      public void finish() {
        if (pending != null) {
          out.accept(pending);
          pending = null;
        }
      }
    };
  }

  /** A piece of text and its exact token count, counted once. */
  private record Piece(String text, int tokens) {}

  /** A unit of text and its count (-1: over the budget on its own). */
  private record Unit(String text, int tokens) {}

  /** Pieces of {@code text}, each within the budget, in order; blank pieces are dropped. */
  private List<Piece> fit(String text, int max, Level level) {
    stopIfInterrupted();
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return List.of();
    }
    int tokens = Cl100kTokens.countWithin(trimmed, max);
    if (tokens >= 0) {
      return List.of(new Piece(trimmed, tokens));
    }
    if (level == Level.CHARACTER) {
      return cut(trimmed, max);
    }
    Level finer = Level.values()[level.ordinal() + 1];
    List<String> units = units(trimmed, level);
    if (units.size() <= 1) {
      return fit(trimmed, max, finer);
    }
    List<Piece> result = new ArrayList<>();
    List<Unit> current = new ArrayList<>();
    int currentTokens = 0;
    for (String unit : units) {
      int unitTokens = Cl100kTokens.countWithin(unit, max);
      if (unitTokens < 0) {
        flush(current, max, level, result);
        currentTokens = 0;
        result.addAll(fit(unit, max, finer));
        continue;
      }
      if (currentTokens + unitTokens > max) {
        flush(current, max, level, result);
        currentTokens = 0;
      }
      current.add(new Unit(unit, unitTokens));
      currentTokens += unitTokens;
    }
    flush(current, max, level, result);
    return result;
  }

  /**
   * Emits the packed units of {@code level} as one piece. Its count is the sum of the units' when
   * every join is clean (see {@link Cl100kTokens#joinsCleanly}), else it is counted; joined text
   * can count more than its parts, and then the word level takes over (or, for words, the cut).
   */
  private void flush(List<Unit> units, int max, Level level, List<Piece> result) {
    if (units.isEmpty()) {
      return;
    }
    StringBuilder joined = new StringBuilder();
    units.forEach(unit -> joined.append(unit.text()));
    String piece = joined.toString().strip();
    int tokens = summed(units);
    units.clear();
    if (piece.isEmpty()) {
      return;
    }
    if (tokens < 0 || tokens > max) {
      tokens = Cl100kTokens.countWithin(piece, max);
    }
    if (tokens >= 0) {
      result.add(new Piece(piece, tokens));
    } else {
      result.addAll(
          fit(piece, max, level.compareTo(Level.WORD) < 0 ? Level.WORD : Level.CHARACTER));
    }
  }

  /**
   * The count of the stripped join of {@code units} from their own counts, or -1 when a join is not
   * clean. Only what the strip changes at the two ends is counted again.
   */
  private static int summed(List<Unit> units) {
    int first = 0;
    while (first < units.size() && units.get(first).text().isBlank()) {
      first++;
    }
    int last = units.size() - 1;
    while (last > first && units.get(last).text().isBlank()) {
      last--;
    }
    if (first > last) {
      return 0;
    }
    if (first == last) {
      return stripped(units.get(first));
    }
    for (int i = first; i < last; i++) {
      if (!Cl100kTokens.joinsCleanly(units.get(i).text(), units.get(i + 1).text())) {
        return -1;
      }
    }
    Unit head = units.get(first);
    String headText = head.text().stripLeading();
    long sum = headText.length() == head.text().length() ? head.tokens() : countOf(headText);
    for (int i = first + 1; i < last; i++) {
      sum += units.get(i).tokens();
    }
    sum += strippedTrailing(units.get(last));
    return (int) Math.min(sum, Integer.MAX_VALUE);
  }

  /** The count of a unit stripped at both ends. */
  private static int stripped(Unit unit) {
    String text = unit.text();
    if (!text.isEmpty() && !Character.isWhitespace(text.charAt(0))) {
      return strippedTrailing(unit);
    }
    return countOf(text.strip());
  }

  /**
   * The count of a unit without its trailing white space. When the text before that space ends in a
   * letter or digit, no token spans the two, and the space is counted alone.
   */
  private static int strippedTrailing(Unit unit) {
    String text = unit.text();
    String kept = text.stripTrailing();
    if (kept.length() == text.length()) {
      return unit.tokens();
    }
    if (!kept.isEmpty() && Character.isLetterOrDigit(kept.charAt(kept.length() - 1))) {
      return unit.tokens() - countOf(text.substring(kept.length()));
    }
    return countOf(kept);
  }

  private static int countOf(String text) {
    return Cl100kTokens.count(text);
  }

  /** The units of a level, each keeping the separator that follows it. */
  private static List<String> units(String text, Level level) {
    return switch (level) {
      case PARAGRAPH -> cutAfter(text, PARAGRAPH_BREAK);
      case LINE -> cutAfter(text, LINE_BREAK);
      case SENTENCE -> sentences(text);
      case WORD -> cutAfter(text, WORD_END);
      case CHARACTER -> List.of(text);
    };
  }

  private static List<String> cutAfter(String text, Pattern separator) {
    List<String> units = new ArrayList<>();
    Matcher matcher = separator.matcher(text);
    int start = 0;
    while (matcher.find()) {
      units.add(text.substring(start, matcher.end()));
      start = matcher.end();
    }
    if (start < text.length()) {
      units.add(text.substring(start));
    }
    return units;
  }

  private static List<String> sentences(String text) {
    BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
    iterator.setText(text);
    List<String> units = new ArrayList<>();
    int start = iterator.first();
    for (int end = iterator.next(); end != BreakIterator.DONE; end = iterator.next()) {
      units.add(text.substring(start, end));
      start = end;
    }
    return units;
  }

  /**
   * Cuts a text with no breaks left into pieces within the budget. Each cut is placed by the
   * characters per token seen so far and the piece counted once; an estimate that overshoots is
   * shrunk by what the count showed, one that falls well short is lengthened once.
   */
  private List<Piece> cut(String text, int max) {
    List<Piece> pieces = new ArrayList<>();
    double charsPerToken = 2.0;
    int start = 0;
    while (start < text.length()) {
      stopIfInterrupted();
      int remaining = text.length() - start;
      int end = boundary(text, start, start + clamp(charsPerToken * max * CUT_FILL, remaining));
      int tokens = countTokens(text.substring(start, end));
      if (tokens < max * CUT_FILL * CUT_FILL && end < text.length()) {
        double seen = (double) (end - start) / Math.max(1, tokens);
        int longer = boundary(text, start, start + clamp(seen * max * CUT_FILL, remaining));
        int longerTokens = countTokens(text.substring(start, longer));
        if (longerTokens <= max) {
          end = longer;
          tokens = longerTokens;
        }
      }
      while (tokens > max && text.codePointCount(start, end) > 1) {
        double seen = (double) (end - start) / tokens;
        int shorter = boundary(text, start, start + (int) (seen * max * CUT_FILL));
        end = shorter < end ? shorter : boundary(text, start, end - 1);
        tokens = countTokens(text.substring(start, end));
      }
      pieces.add(new Piece(text.substring(start, end), tokens));
      charsPerToken = (double) (end - start) / Math.max(1, tokens);
      start = end;
    }
    return pieces;
  }

  private static int clamp(double chars, int remaining) {
    return (int) Math.max(1, Math.min(remaining, chars));
  }

  /**
   * {@code end}, at least one code point after {@code start}, moved so that a surrogate pair is
   * never cut.
   */
  private static int boundary(String text, int start, int end) {
    int at = Math.min(Math.max(end, start + 1), text.length());
    if (at < text.length()
        && Character.isHighSurrogate(text.charAt(at - 1))
        && Character.isLowSurrogate(text.charAt(at))) {
      at = at - 1 > start ? at - 1 : at + 1;
    }
    return at;
  }

  private static void stopIfInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("chunking was stopped");
    }
  }

  private static void requirePositive(int maxTokens) {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be positive");
    }
  }
}
