package dev.lectern.application.port.in.artifact;

import dev.lectern.domain.task.TaskId;
import dev.lectern.domain.task.TaskStatus;
import java.util.List;

/**
 * The state of an artifact ingest or delete task.
 *
 * @param documents what a successful ingest produced (empty when the content was unchanged, and for
 *     a delete)
 * @param error why the task failed or was cancelled; null otherwise
 */
public record ArtifactTask(
    TaskId id, TaskStatus status, List<IngestedDocument> documents, String error) {
  public ArtifactTask {
    documents = List.copyOf(documents);
  }
}
