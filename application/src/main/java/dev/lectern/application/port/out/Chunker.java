package dev.lectern.application.port.out;

import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.chunk.ChunkDraft;
import java.util.List;

/** Port: splits text into pieces under a hard token cap, and counts tokens. */
public interface Chunker {
  /** Splits markdown text into chunks of at most {@code maxTokens} tokens each. */
  List<ChunkDraft> split(String text, int maxTokens);

  /**
   * Regroups stored chunks, in order, to the budget: small neighbours merge, large ones split.
   * Every result has at most {@code maxTokens} tokens.
   */
  List<ChunkDraft> regroup(List<Chunk> chunks, int maxTokens);

  int countTokens(String text);
}
