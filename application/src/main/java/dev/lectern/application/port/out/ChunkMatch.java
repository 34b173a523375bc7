package dev.lectern.application.port.out;

import dev.lectern.domain.artifact.ArtifactKey;

/**
 * A chunk that matched a {@link ChunkQuery}, without its text: enough to rank it and to check that
 * its artifact version is published.
 *
 * @param version the artifact version the chunk was indexed under
 * @param score relevance normalised per query to 0..1 (see {@link ChunkHit#score()})
 */
public record ChunkMatch(ArtifactKey key, long version, double score) {}
