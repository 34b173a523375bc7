package dev.lectern.application.port.out;

import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.chunk.Chunk;

/**
 * A chunk that matched a {@link ChunkQuery}.
 *
 * @param version the artifact version the chunk was indexed under
 * @param score relevance normalised per query to 0..1: the BM25 score over the most any document
 *     could score for the query's terms
 * @param highlighted the text with matches in {@code <em>} tags, or null when not asked for
 */
public record ChunkHit(
    ArtifactKey key, long version, Chunk chunk, double score, String highlighted) {}
