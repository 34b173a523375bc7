package dev.lectern.application.port.in.chunk;

import dev.lectern.application.port.in.document.DocumentView;
import dev.lectern.domain.chunk.Chunk;
import java.util.function.Consumer;

/**
 * One page of a document's chunks. The page's chunks are read from the index when {@link
 * Items#forEach} hands them on, one at a time, so that a large page takes little memory.
 *
 * @param total how many chunks matched, over all pages
 */
public record ChunkPage(int total, Items chunks, DocumentView document) {
  /**
   * A chunk, with its text marked up when the listing searched for keywords.
   *
   * @param highlighted the text with matches in {@code <em>} tags, or null
   */
  public record Item(Chunk chunk, String highlighted) {}

  /** The chunks of the page, in page order. */
  @FunctionalInterface
  public interface Items {
    void forEach(Consumer<Item> sink);
  }
}
