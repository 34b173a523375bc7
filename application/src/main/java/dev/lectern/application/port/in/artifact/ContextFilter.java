package dev.lectern.application.port.in.artifact;

import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.MetadataCondition;
import dev.lectern.domain.collection.CollectionId;
import java.util.List;
import java.util.Objects;

/**
 * Which artifacts a read addresses: a collection, optionally narrowed by ids and by metadata; both
 * narrowings intersect.
 *
 * @param artifactIds null for every artifact of the collection
 */
public record ContextFilter(
    String orgId,
    CollectionId collectionId,
    List<ArtifactId> artifactIds,
    List<MetadataCondition> conditions) {

  public ContextFilter {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(collectionId, "collectionId");
    artifactIds = artifactIds == null ? null : List.copyOf(artifactIds);
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
  }
}
