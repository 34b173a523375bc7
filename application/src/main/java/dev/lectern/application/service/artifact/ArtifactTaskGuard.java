package dev.lectern.application.service.artifact;

import dev.lectern.application.error.Conflict;
import dev.lectern.application.port.out.TaskQueue;
import dev.lectern.domain.artifact.ArtifactKey;

/**
 * Policy: one write to an artifact at a time. A synchronous ingest or delete of an artifact that
 * has a pending or running task is refused, as is a second task for it.
 */
public final class ArtifactTaskGuard {
  private final TaskQueue queue;

  public ArtifactTaskGuard(TaskQueue queue) {
    this.queue = queue;
  }

  /** Throws {@link Conflict} when the artifact has a pending or running task. */
  public void requireIdle(ArtifactKey key) {
    if (queue.subjectBusy(key.orgId(), subject(key))) {
      throw new Conflict(busyMessage(key), "artifact");
    }
  }

  /** The task subject naming one artifact; unambiguous whatever characters the ids hold. */
  public static String subject(ArtifactKey key) {
    String collection = key.collectionId().value();
    return "artifact:" + collection.length() + ":" + collection + "/" + key.artifactId().value();
  }

  public static String busyMessage(ArtifactKey key) {
    return "an ingest or delete task for artifact '"
        + key.artifactId()
        + "' is already pending or running; wait for it to finish";
  }
}
