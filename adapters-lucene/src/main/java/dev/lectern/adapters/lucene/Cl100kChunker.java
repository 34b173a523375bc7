package dev.lectern.adapters.lucene;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.lectern.application.port.out.Chunker;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.chunk.ChunkDraft;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adapter: splits text under a hard cap of cl100k_base tokens: at headings first, then blank-line
 * paragraphs, lines, sentences and words, and only as a last resort inside a word.
 */
public final class Cl100kChunker implements Chunker {
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t]*\\n\\s*");
  private static final Pattern LINE_BREAK = Pattern.compile("\\n");
  private static final Pattern WORD_END = Pattern.compile("\\s+");

  private enum Level {
    PARAGRAPH,
    LINE,
    SENTENCE,
    WORD,
    CHARACTER
  }

  private static final CompletableFuture<Encoding> CL100K = new CompletableFuture<>();
  private static final AtomicBoolean LOADING = new AtomicBoolean();

  /**
   * Starts reading the cl100k_base ranks (about a quarter of a second) on a background thread, so
   * that start-up can open storage meanwhile. Idempotent; the first count waits for it.
   */
  public static void preload() {
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

  @Override
  public int countTokens(String text) {
    Encoding loaded = CL100K.getNow(null);
    if (loaded == null) {
      preload();
      loaded = CL100K.join();
    }
    return loaded.countTokensOrdinary(text);
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
          int tokens = countTokens(joined);
          if (tokens <= maxTokens) {
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

  /** Pieces of {@code text}, each within the budget, in order; blank pieces are dropped. */
  private List<Piece> fit(String text, int max, Level level) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return List.of();
    }
    int tokens = countTokens(trimmed);
    if (tokens <= max) {
      return List.of(new Piece(trimmed, tokens));
    }
    if (level == Level.CHARACTER) {
      return hardSplit(trimmed, max);
    }
    Level finer = Level.values()[level.ordinal() + 1];
    List<String> units = units(trimmed, level);
    if (units.size() <= 1) {
      return fit(trimmed, max, finer);
    }
    List<Piece> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int currentTokens = 0;
    for (String unit : units) {
      int unitTokens = countTokens(unit);
      if (unitTokens > max) {
        flush(current, max, result);
        currentTokens = 0;
        result.addAll(fit(unit, max, finer));
        continue;
      }
      if (currentTokens + unitTokens > max) {
        flush(current, max, result);
        currentTokens = 0;
      }
      current.append(unit);
      currentTokens += unitTokens;
    }
    flush(current, max, result);
    return result;
  }

  /**
   * Emits the accumulated text. Token counts of joined text can differ slightly from the sum of the
   * parts, so the exact count is checked here and the word level takes over if it is over.
   */
  private void flush(StringBuilder current, int max, List<Piece> result) {
    String piece = current.toString().strip();
    current.setLength(0);
    if (piece.isEmpty()) {
      return;
    }
    int tokens = countTokens(piece);
    if (tokens <= max) {
      result.add(new Piece(piece, tokens));
    } else {
      result.addAll(fit(piece, max, Level.WORD));
    }
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

  /** Longest prefixes within the budget, found by binary search on character count. */
  private List<Piece> hardSplit(String text, int max) {
    List<Piece> pieces = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int low = start + 1;
      // No cl100k token spans more than a few dozen characters, so the search window is bounded.
      int high = (int) Math.min(text.length(), start + (long) max * 32);
      while (low < high) {
        int mid = (low + high + 1) >>> 1;
        if (countTokens(text.substring(start, mid)) <= max) {
          low = mid;
        } else {
          high = mid - 1;
        }
      }
      int end = low;
      if (end < text.length()
          && Character.isHighSurrogate(text.charAt(end - 1))
          && end > start + 1) {
        end--;
      }
      String piece = text.substring(start, end);
      pieces.add(new Piece(piece, countTokens(piece)));
      start = end;
    }
    return pieces;
  }

  private static void requirePositive(int maxTokens) {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be positive");
    }
  }
}
