package dev.lectern.application.port.in.artifact;

import java.util.List;

/** Use case: reading the full text of the artifacts a filter selects. */
public interface ReadContentUseCase {
  List<ArtifactContent> read(ContextFilter filter);
}
