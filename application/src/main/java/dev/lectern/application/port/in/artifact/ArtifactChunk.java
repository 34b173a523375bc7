package dev.lectern.application.port.in.artifact;

import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.chunk.Chunk;

/** One chunk of an artifact, as regrouped for a read. */
public record ArtifactChunk(Artifact artifact, Chunk chunk) {}
