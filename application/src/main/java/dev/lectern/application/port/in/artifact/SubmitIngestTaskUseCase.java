package dev.lectern.application.port.in.artifact;

import dev.lectern.domain.task.TaskId;

/**
 * Use case: ingest in the background. The command is validated and its content stored durably
 * before the task id is returned; a URI is fetched by the task.
 */
public interface SubmitIngestTaskUseCase {
  TaskId submit(IngestArtifactCommand command);
}
