package dev.lectern.domain.artifact;

/** Parse status of an artifact, with RAGFlow's names. */
public enum ArtifactStatus {
  UNSTART,
  RUNNING,
  CANCEL,
  DONE,
  FAIL
}
