package dev.lectern.application.service.artifact;

import dev.lectern.application.port.in.artifact.ReconcileStorageUseCase;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.BlobStore;
import dev.lectern.application.port.out.ChunkIndex;
import dev.lectern.application.port.out.DocumentStore;
import dev.lectern.application.port.out.TaskQueue;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.ContentHash;
import dev.lectern.domain.task.Task;
import dev.lectern.domain.task.TaskKind;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Service: brings the metadata store, the chunk index and the blob store back into agreement after
 * a crash. A pending ingest whose chunks reached the index is completed; one whose chunks did not
 * is dropped; an interrupted delete is finished; chunks of versions nobody references are removed;
 * blobs nobody references (no revision, no queued ingest) are removed. Run it before serving
 * requests.
 */
public final class ReconcileStorageService implements ReconcileStorageUseCase {
  private final ArtifactStore artifacts;
  private final ChunkIndex index;
  private final BlobStore blobs;
  private final DocumentStore documents;
  private final TaskQueue tasks;

  public ReconcileStorageService(
      ArtifactStore artifacts,
      ChunkIndex index,
      BlobStore blobs,
      TaskQueue tasks,
      DocumentStore documents) {
    this.documents = documents;
    this.artifacts = artifacts;
    this.index = index;
    this.blobs = blobs;
    this.tasks = tasks;
  }

  @Override
  public Report reconcile() {
    int forward = 0;
    int back = 0;
    int deletes = 0;
    Map<ArtifactKey, Set<Long>> indexed = index.versions();
    for (Artifact artifact : artifacts.unfinished()) {
      if (artifact.deleting()) {
        index.delete(artifact.key());
        artifacts.completeDelete(artifact.key());
        deletes++;
      } else if (indexed
          .getOrDefault(artifact.key(), Set.of())
          .contains(artifact.pendingVersion())) {
        artifacts.completeIngest(artifact.key(), artifact.pendingVersion());
        forward++;
      } else {
        artifacts.abandonIngest(artifact.key(), artifact.pendingVersion());
        back++;
      }
    }
    int orphans = removeOrphanVersions();
    int removedBlobs = removeOrphanBlobs();
    return new Report(forward, back, deletes, orphans, removedBlobs);
  }

  private int removeOrphanVersions() {
    Map<ArtifactKey, List<Long>> live = artifacts.liveVersions();
    int removed = 0;
    for (Map.Entry<ArtifactKey, Set<Long>> entry : index.versions().entrySet()) {
      List<Long> keep = live.getOrDefault(entry.getKey(), List.of());
      for (Long version : entry.getValue()) {
        if (!keep.contains(version)) {
          index.deleteVersion(entry.getKey(), version);
          removed++;
        }
      }
    }
    return removed;
  }

  private int removeOrphanBlobs() {
    Set<String> referenced = new HashSet<>(artifacts.referencedBlobs());
    // Uploaded documents keep their original file until they are deleted.
    referenced.addAll(documents.referencedBlobs());
    // Queued ingests keep their inline content as a blob until they run.
    for (Task task : tasks.unfinished(TaskKind.ARTIFACT_INGEST)) {
      ArtifactTaskPayloads.inputBlob(task).ifPresent(referenced::add);
    }
    int removed = 0;
    for (String hash : blobs.hashes()) {
      if (!referenced.contains(hash)) {
        blobs.delete(new ContentHash(hash));
        removed++;
      }
    }
    return removed;
  }
}
