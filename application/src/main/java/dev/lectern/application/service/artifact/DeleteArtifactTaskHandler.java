package dev.lectern.application.service.artifact;

import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.service.task.TaskContext;
import dev.lectern.application.service.task.TaskHandler;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.task.Task;
import java.util.Map;

/** Runs an artifact delete task; an artifact already gone counts as deleted. */
public final class DeleteArtifactTaskHandler implements TaskHandler {
  private final DeleteArtifactService delete;
  private final ArtifactStore artifacts;

  public DeleteArtifactTaskHandler(DeleteArtifactService delete, ArtifactStore artifacts) {
    this.delete = delete;
    this.artifacts = artifacts;
  }

  @Override
  public Map<String, Object> run(Task task, TaskContext context) {
    ArtifactKey key = ArtifactTaskPayloads.artifactKey(task);
    try {
      delete.run(key, new TaskIngestProgress(context));
    } catch (NotFound e) {
      if (artifacts.find(key).filter(Artifact::populated).isPresent()) {
        throw e;
      }
      context.progress(1, "delete: the artifact was already gone");
    }
    return Map.of();
  }
}
