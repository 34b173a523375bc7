package dev.lectern.application.port.in.artifact;

import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.collection.CollectionId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Input of {@link IngestArtifactUseCase}.
 *
 * @param metadata caller metadata in the caller's order; {@code file_name} picks the parser
 */
public record IngestArtifactCommand(
    String orgId,
    CollectionId collectionId,
    ArtifactId artifactId,
    ArtifactInput input,
    Map<String, Object> metadata) {

  public IngestArtifactCommand {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(collectionId, "collectionId");
    Objects.requireNonNull(artifactId, "artifactId");
    Objects.requireNonNull(input, "input");
    metadata =
        Collections.unmodifiableMap(new LinkedHashMap<>(metadata == null ? Map.of() : metadata));
  }
}
