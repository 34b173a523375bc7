package dev.lectern.application.port.in.artifact;

import java.util.List;

/** Use case: reading artifacts as chunks under a token budget, in document order. */
public interface ReadChunkedContentUseCase {
  List<ArtifactChunk> read(ReadChunkedContentCommand command);
}
