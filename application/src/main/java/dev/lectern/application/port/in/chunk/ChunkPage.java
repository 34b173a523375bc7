package dev.lectern.application.port.in.chunk;

import dev.lectern.application.port.in.document.DocumentView;
import dev.lectern.domain.chunk.Chunk;
import java.util.List;

/**
 * One page of a document's chunks.
 *
 * @param total how many chunks matched, over all pages
 */
public record ChunkPage(int total, List<Item> chunks, DocumentView document) {
  /**
   * A chunk, with its text marked up when the listing searched for keywords.
   *
   * @param highlighted the text with matches in {@code <em>} tags, or null
   */
  public record Item(Chunk chunk, String highlighted) {}
}
