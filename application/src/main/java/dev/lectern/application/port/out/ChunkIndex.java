package dev.lectern.application.port.out;

import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.collection.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /** The artifact's chunks in document order. */
  List<Chunk> chunksOf(ArtifactKey key);

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
