package dev.lectern.application.port.out;

import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.chunk.ChunkDraft;
import java.util.List;
import java.util.function.Consumer;

/** Port: splits text into pieces under a hard token cap, and counts tokens. */
public interface Chunker {
  /** Splits markdown text into chunks of at most {@code maxTokens} tokens each. */
  List<ChunkDraft> split(String text, int maxTokens);

  /**
   * Regroups stored chunks, fed in document order, to the budget: small neighbours merge, large
   * ones split. Every result has at most {@code maxTokens} tokens and goes to {@code out} as soon
   * as it is final, so that memory holds about one result at a time.
   */
  Regrouper regroup(int maxTokens, Consumer<Regrouped> out);

  /** Takes stored chunks one by one; {@link #finish} hands on the last result. */
  interface Regrouper {
    void add(Chunk chunk);

    void finish();
  }

  /**
   * One regrouped piece.
   *
   * @param unchanged the stored chunk the piece is exactly, or null when it was merged or split
   */
  record Regrouped(ChunkDraft draft, Chunk unchanged) {}

  int countTokens(String text);

  /**
   * The token count of {@code text} when it is at most {@code max}, else -1; may stop reading a
   * text as soon as it is known to be over.
   */
  default int countTokensWithin(String text, int max) {
    int tokens = countTokens(text);
    return tokens <= max ? tokens : -1;
  }
}
