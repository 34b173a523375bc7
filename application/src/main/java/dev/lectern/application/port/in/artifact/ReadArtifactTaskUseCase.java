package dev.lectern.application.port.in.artifact;

import dev.lectern.domain.task.TaskKind;

/** Use case: the state of an artifact task of the given kind, or not found. */
public interface ReadArtifactTaskUseCase {
  ArtifactTask read(String orgId, String taskId, TaskKind kind);
}
