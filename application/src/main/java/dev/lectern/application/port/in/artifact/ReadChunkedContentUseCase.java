package dev.lectern.application.port.in.artifact;

import java.util.function.Consumer;

/**
 * Use case: reading artifacts as chunks under a token budget, in document order. The command is
 * checked when {@link #read} returns; the chunks are produced one by one by {@link
 * ChunkedContent#forEach}, so that memory does not grow with what the artifacts hold.
 */
public interface ReadChunkedContentUseCase {
  ChunkedContent read(ReadChunkedContentCommand command);

  /** The chunks of a checked command, handed on one at a time. */
  @FunctionalInterface
  interface ChunkedContent {
    void forEach(Consumer<ArtifactChunk> sink);
  }
}
