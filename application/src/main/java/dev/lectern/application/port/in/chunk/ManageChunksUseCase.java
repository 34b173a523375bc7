package dev.lectern.application.port.in.chunk;

import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.chunk.Chunk;
import java.util.List;

/**
 * Use case: a parsed document's chunks, edited by hand: add, list (optionally searching), change
 * and delete. Every change is durable when it returns. An unknown chunk id is a {@link
 * dev.lectern.application.error.NotFound} with field {@code chunk} and the id as subject.
 */
public interface ManageChunksUseCase {
  /** Adds a chunk; the same content again replaces the chunk with that id but still counts. */
  Chunk add(ArtifactKey document, String content, List<String> keywords, List<String> questions);

  /**
   * Lists chunks in document order, or the best matches first when {@code keywords} is given.
   *
   * @param chunkId a single chunk to return, or null
   */
  ChunkPage list(ArtifactKey document, String keywords, String chunkId, int page, int pageSize);

  Chunk update(ArtifactKey document, String chunkId, ChunkEdit edit);

  /**
   * Deletes the listed chunks, or all of the document's for null.
   *
   * @return how many were deleted
   */
  int delete(ArtifactKey document, List<String> chunkIds);
}
