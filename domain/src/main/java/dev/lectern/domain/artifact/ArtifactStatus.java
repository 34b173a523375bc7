package dev.lectern.domain.artifact;

/**
 * Where an artifact's parse stands. The order is part of the contract: a dialect may name a status
 * by its position.
 */
public enum ArtifactStatus {
  /** Not parsed yet, or queued. */
  PENDING,
  RUNNING,
  CANCELLED,
  DONE,
  FAILED
}
