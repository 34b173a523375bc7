package dev.lectern.application.port.in.artifact;

import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.task.TaskId;

/** Use case: delete an existing artifact in the background. */
public interface SubmitDeleteTaskUseCase {
  TaskId submit(ArtifactKey key);
}
