package dev.lectern.application.port.out;

import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.collection.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Port: the searchable store of chunks. Every write is durable when the method returns, and
 * replacing an artifact's chunks is atomic for readers.
 */
public interface ChunkIndex {
  /** Replaces all chunks of the artifact with {@code chunks}, tagged with {@code version}. */
  void replace(ArtifactKey key, long version, List<Chunk> chunks, Language language);

  /** Removes every chunk of the artifact. */
  void delete(ArtifactKey key);

  /** Removes every chunk of every artifact of the collection. */
  void deleteCollection(String orgId, CollectionId collectionId);

  /** Removes the artifact's chunks of one version only. */
  void deleteVersion(ArtifactKey key, long version);

  /** The artifact's chunks in document order, all in memory: for artifacts being edited. */
  default List<Chunk> chunksOf(ArtifactKey key) {
    List<Chunk> chunks = new ArrayList<>();
    forEachChunk(key, 0, Integer.MAX_VALUE, chunks::add);
    return chunks;
  }

  /** How many chunks the artifact has. */
  int chunkCount(ArtifactKey key);

  /**
   * Hands the artifact's chunks at positions {@code offset} to {@code offset + limit - 1} of
   * document order to {@code action}, one at a time and from one point-in-time view, so that memory
   * does not grow with the artifact.
   */
  void forEachChunk(ArtifactKey key, int offset, int limit, Consumer<Chunk> action);

  /** The artifact's chunk with that id. */
  Optional<Chunk> chunk(ArtifactKey key, String chunkId);

  /**
   * The best matching available chunks, best first, as a point-in-time result whose chunk texts are
   * read on demand. Hits of one language scope compare by BM25; scores are normalised per query so
   * that several languages can be merged.
   */
  ChunkSearch open(ChunkQuery query);

  /** Every hit of {@link #open} with its text read: for small limits. */
  default List<ChunkHit> search(ChunkQuery query) {
    try (ChunkSearch search = open(query)) {
      List<ChunkHit> hits = new ArrayList<>(search.matches().size());
      for (int i = 0; i < search.matches().size(); i++) {
        hits.add(search.hit(i));
      }
      return hits;
    }
  }

  /** The versions the index holds chunks of, per artifact, across all orgs. */
  Map<ArtifactKey, Set<Long>> versions();
}
