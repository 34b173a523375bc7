package dev.lectern.domain.artifact;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Entity: one source document in a collection. Readers see {@code current}; a write in progress
 * holds {@code pendingVersion} until the index has committed its chunks.
 */
public record Artifact(
    ArtifactKey key,
    ArtifactStatus status,
    Revision current,
    Long pendingVersion,
    boolean deleting,
    Instant createdAt,
    Instant updatedAt) {

  public Artifact {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public Optional<Revision> currentRevision() {
    return Optional.ofNullable(current);
  }

  /** Whether readers can see this artifact: it has finished content and is not being deleted. */
  public boolean populated() {
    return current != null && !deleting;
  }

  /** Whether a write (ingest or delete) is in progress. */
  public boolean busy() {
    return pendingVersion != null || deleting;
  }
}
