package dev.lectern.application.service.artifact;

import dev.lectern.application.port.in.artifact.IngestArtifactCommand;
import dev.lectern.application.port.in.artifact.IngestedDocument;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.BlobStore;
import dev.lectern.application.service.task.TaskContext;
import dev.lectern.application.service.task.TaskHandler;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.task.Task;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs an artifact ingest task: the same ingest as the synchronous call, with progress. */
public final class IngestArtifactTaskHandler implements TaskHandler {
  private final IngestArtifactService ingest;
  private final ArtifactStore artifacts;
  private final BlobStore blobs;

  public IngestArtifactTaskHandler(
      IngestArtifactService ingest, ArtifactStore artifacts, BlobStore blobs) {
    this.ingest = ingest;
    this.artifacts = artifacts;
    this.blobs = blobs;
  }

  @Override
  public Map<String, Object> run(Task task, TaskContext context) {
    ArtifactKey key = ArtifactTaskPayloads.artifactKey(task);
    Optional<Artifact> published = publishedBefore(key, context);
    if (published.isPresent()) {
      context.progress(1, "publish: already done by an earlier attempt");
      return ArtifactTaskPayloads.ingestResult(List.of(IngestedDocument.of(published.get())));
    }
    IngestArtifactCommand command = ArtifactTaskPayloads.ingestCommand(task, blobs);
    Optional<Artifact> result = ingest.run(command, new TaskIngestProgress(context));
    if (result.isEmpty()) {
      context.progress(1, "unchanged: the artifact already holds this content");
    }
    return ArtifactTaskPayloads.ingestResult(result.map(IngestedDocument::of).stream().toList());
  }

  /** The artifact, if an earlier attempt published it and then died before finishing the task. */
  private Optional<Artifact> publishedBefore(ArtifactKey key, TaskContext context) {
    if (!(context.checkpoint().get(TaskIngestProgress.VERSION) instanceof Number version)) {
      return Optional.empty();
    }
    return artifacts
        .find(key)
        .filter(Artifact::populated)
        .filter(artifact -> artifact.current().version() == version.longValue());
  }
}
