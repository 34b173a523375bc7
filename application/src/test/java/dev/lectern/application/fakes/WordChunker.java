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

  /** Joins every chunk's words and packs them again; a piece equal to its chunk keeps it. */
  @Override
  public Regrouper regroup(int maxTokens, java.util.function.Consumer<Regrouped> out) {
    List<Chunk> chunks = new ArrayList<>();
    return new Regrouper() {
      @Override
      public void add(Chunk chunk) {
        chunks.add(chunk);
      }

      @Override
      public void finish() {
        StringBuilder all = new StringBuilder();
        chunks.forEach(c -> all.append(c.text()).append(' '));
        if (all.isEmpty()) {
          return;
        }
        List<ChunkDraft> drafts = split(all.toString(), maxTokens);
        for (int i = 0; i < drafts.size(); i++) {
          ChunkDraft draft = drafts.get(i);
          Chunk same =
              i < chunks.size() && chunks.get(i).text().equals(draft.text()) ? chunks.get(i) : null;
          out.accept(new Regrouped(draft, same));
        }
      }
    };
  }

  @Override
  public int countTokens(String text) {
    return text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }
}
