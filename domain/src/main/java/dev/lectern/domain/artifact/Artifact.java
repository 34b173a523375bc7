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

  /** A first ingest in progress: no content yet, {@code version} pending. */
  public static Artifact claimed(ArtifactKey key, long version, Instant at) {
    return new Artifact(key, ArtifactStatus.RUNNING, null, version, false, at, at);
  }

  /** This artifact with {@code version} pending (or none, for null). */
  public Artifact withPending(Long version) {
    return new Artifact(key, status, current, version, deleting, createdAt, updatedAt);
  }

  /** This artifact with a delete in progress. */
  public Artifact markedDeleting() {
    return new Artifact(key, status, current, pendingVersion, true, createdAt, updatedAt);
  }

  /** This artifact with {@code revision} published and nothing pending. */
  public Artifact published(Revision revision) {
    return new Artifact(
        key, ArtifactStatus.DONE, revision, null, false, createdAt, revision.createdAt());
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
