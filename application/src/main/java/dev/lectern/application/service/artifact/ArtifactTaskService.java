package dev.lectern.application.service.artifact;

import dev.lectern.application.port.in.artifact.ArtifactInput;
import dev.lectern.application.port.in.artifact.ArtifactTask;
import dev.lectern.application.port.in.artifact.IngestArtifactCommand;
import dev.lectern.application.port.in.artifact.IngestedDocument;
import dev.lectern.application.port.in.artifact.ReadArtifactTaskUseCase;
import dev.lectern.application.port.in.artifact.SubmitDeleteTaskUseCase;
import dev.lectern.application.port.in.artifact.SubmitIngestTaskUseCase;
import dev.lectern.application.port.in.task.FindTaskUseCase;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.BlobStore;
import dev.lectern.application.service.task.TaskAdminService;
import dev.lectern.application.service.task.TaskSubmitter;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.task.Task;
import dev.lectern.domain.task.TaskId;
import dev.lectern.domain.task.TaskKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Service: background ingest and delete of artifacts. Inline content is stored as a blob before the
 * task exists, so an acknowledged task never loses its input.
 */
public final class ArtifactTaskService
    implements SubmitIngestTaskUseCase, SubmitDeleteTaskUseCase, ReadArtifactTaskUseCase {
  private final TaskSubmitter submitter;
  private final FindTaskUseCase tasks;
  private final ArtifactTaskGuard guard;
  private final ArtifactStore artifacts;
  private final BlobStore blobs;

  public ArtifactTaskService(
      TaskSubmitter submitter,
      FindTaskUseCase tasks,
      ArtifactTaskGuard guard,
      ArtifactStore artifacts,
      BlobStore blobs) {
    this.submitter = submitter;
    this.tasks = tasks;
    this.guard = guard;
    this.artifacts = artifacts;
    this.blobs = blobs;
  }

  @Override
  public TaskId submit(IngestArtifactCommand command) {
    ArtifactKey key =
        new ArtifactKey(command.orgId(), command.collectionId(), command.artifactId());
    // Checked before the content is stored, so a refused request writes no blob.
    guard.requireIdle(key);
    Map<String, Object> input =
        switch (command.input()) {
          case ArtifactInput.Text text ->
              ArtifactTaskPayloads.blobInput(
                  "text", blobs.put(text.value().getBytes(StandardCharsets.UTF_8)));
          case ArtifactInput.File file ->
              ArtifactTaskPayloads.blobInput("file", blobs.put(file.bytes()));
          case ArtifactInput.Uri uri -> ArtifactTaskPayloads.uriInput(uri.uri());
        };
    return submit(key, TaskKind.ARTIFACT_INGEST, ArtifactTaskPayloads.ingest(command, input));
  }

  @Override
  public TaskId submit(ArtifactKey key) {
    guard.requireIdle(key);
    if (artifacts.find(key).filter(Artifact::populated).isEmpty()) {
      throw ArtifactSelection.artifactNotFound(key);
    }
    return submit(key, TaskKind.ARTIFACT_DELETE, ArtifactTaskPayloads.delete(key));
  }

  @Override
  public ArtifactTask read(String orgId, String taskId, TaskKind kind) {
    Task task = tasks.find(orgId, taskId);
    if (task.kind() != kind) {
      throw TaskAdminService.notFound(taskId);
    }
    List<IngestedDocument> documents = ArtifactTaskPayloads.documents(task);
    return new ArtifactTask(task.id(), task.status(), documents, task.error());
  }

  private TaskId submit(ArtifactKey key, TaskKind kind, Map<String, Object> payload) {
    return submitter.submit(
        key.orgId(),
        kind,
        ArtifactTaskGuard.subject(key),
        payload,
        ArtifactTaskGuard.busyMessage(key),
        "artifact");
  }
}
