package dev.lectern.application.port.in.artifact;

/**
 * Use case: reading the full text of the artifacts a filter selects. The filter is checked at once
 * (unknown collection or listed artifact); the artifacts are read as the result is iterated.
 */
public interface ReadContentUseCase {
  Iterable<ArtifactContent> read(ContextFilter filter);
}
