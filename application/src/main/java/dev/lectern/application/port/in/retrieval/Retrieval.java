package dev.lectern.application.port.in.retrieval;

import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.chunk.Chunk;
import java.util.List;

/**
 * What a retrieval found.
 *
 * @param total how many chunks passed the threshold, over all pages
 * @param chunks the requested page, best first
 * @param documents every artifact with chunks that passed, with how many, most first
 */
public record Retrieval(int total, List<RetrievedChunk> chunks, List<DocumentCount> documents) {
  public static final Retrieval EMPTY = new Retrieval(0, List.of(), List.of());

  public Retrieval {
    chunks = List.copyOf(chunks);
    documents = List.copyOf(documents);
  }

  /**
   * One retrieved chunk.
   *
   * @param score BM25 normalised per query to 0..1
   * @param highlighted the text with matches in {@code <em>} tags, or null when not asked for
   */
  public record RetrievedChunk(Artifact artifact, Chunk chunk, double score, String highlighted) {}

  /** An artifact, the file name of its published version, and how many retrieved chunks are its. */
  public record DocumentCount(ArtifactKey key, String fileName, int count) {}
}
