package dev.lectern.application.port.in.artifact;

import dev.lectern.domain.artifact.Artifact;
import java.util.Optional;

/** Use case: ingesting a document into a collection: parse, chunk, index, then publish. */
public interface IngestArtifactUseCase {
  /**
   * Ingests synchronously; when this returns, the artifact is durable.
   *
   * @return the artifact, or empty when it already held identical content
   */
  Optional<Artifact> ingest(IngestArtifactCommand command);
}
