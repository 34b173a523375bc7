package dev.lectern.application.port.in.artifact;

/** Use case: at start-up, finishing or undoing writes a crash interrupted. */
public interface ReconcileStorageUseCase {

  /** What reconciliation changed. */
  record Report(
      int rolledForward, int rolledBack, int deletesFinished, int orphanVersions, int blobs) {}

  Report reconcile();
}
