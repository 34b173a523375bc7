package dev.lectern.application.service.artifact;

import java.time.Duration;

/**
 * Listens to an ingest as it goes. {@link #before} is a safe point: throwing there stops the ingest
 * with nothing written; the ingest rolls back its claim if it throws before {@code PUBLISH}.
 */
interface IngestProgress {
  IngestProgress NONE =
      new IngestProgress() {
        @Override
        public void before(IngestStage stage) {}

        @Override
        public void after(IngestStage stage, Duration took, String detail) {}
      };

  /** The ingest is about to start {@code stage}. */
  void before(IngestStage stage);

  /** {@code stage} finished after {@code took}; {@code detail} says what it produced. */
  void after(IngestStage stage, Duration took, String detail);

  /**
   * The ingest claimed {@code version} and is about to write its chunks. From here a crash may
   * leave that version published (start-up rolls it forward when the index holds it), so a rerun
   * must look for it. Must not throw.
   */
  default void claimed(long version) {}
}
