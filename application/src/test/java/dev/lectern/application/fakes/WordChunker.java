package dev.lectern.application.fakes;

import dev.lectern.application.port.out.Chunker;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.chunk.ChunkDraft;
import java.util.ArrayList;
import java.util.List;

/** Fake: counts whitespace-separated words as tokens and packs words greedily. */
public final class WordChunker implements Chunker {
  @Override
  public List<ChunkDraft> split(String text, int maxTokens) {
    String[] words = text.strip().split("\\s+");
    List<ChunkDraft> drafts = new ArrayList<>();
    for (int i = 0; i < words.length; i += maxTokens) {
      int end = Math.min(words.length, i + maxTokens);
      drafts.add(
          new ChunkDraft(String.join(" ", List.of(words).subList(i, end)), end - i, List.of()));
    }
    return drafts;
  }

  @Override
  public List<ChunkDraft> regroup(List<Chunk> chunks, int maxTokens) {
    StringBuilder all = new StringBuilder();
    chunks.forEach(c -> all.append(c.text()).append(' '));
    return all.isEmpty() ? List.of() : split(all.toString(), maxTokens);
  }

  @Override
  public int countTokens(String text) {
    return text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }
}
