package dev.lectern.domain.artifact;

import dev.lectern.domain.collection.CollectionId;
import java.util.Objects;

/** Value: the full address of an artifact: organization, collection, artifact id. */
public record ArtifactKey(String orgId, CollectionId collectionId, ArtifactId artifactId) {
  public ArtifactKey {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(collectionId, "collectionId");
    Objects.requireNonNull(artifactId, "artifactId");
  }
}
