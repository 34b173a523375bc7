package dev.lectern.application.service.artifact;

import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.artifact.ContextFilter;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.CollectionStore;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.MetadataCondition;
import dev.lectern.domain.collection.CollectionId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Resolves a context filter to populated artifacts: listed ids intersected with metadata. */
public final class ArtifactSelection {
  private final CollectionStore collections;
  private final ArtifactStore artifacts;

  public ArtifactSelection(CollectionStore collections, ArtifactStore artifacts) {
    this.collections = collections;
    this.artifacts = artifacts;
  }

  /** Populated artifacts of an existing collection, or {@link NotFound}. */
  public List<Artifact> all(String orgId, CollectionId collectionId) {
    requireCollection(orgId, collectionId);
    return artifacts.list(orgId, collectionId);
  }

  public List<Artifact> select(ContextFilter filter) {
    List<Artifact> candidates;
    if (filter.artifactIds() == null) {
      candidates = all(filter.orgId(), filter.collectionId());
    } else {
      requireCollection(filter.orgId(), filter.collectionId());
      candidates = new ArrayList<>();
      for (ArtifactId id : new LinkedHashSet<>(filter.artifactIds())) {
        ArtifactKey key = new ArtifactKey(filter.orgId(), filter.collectionId(), id);
        candidates.add(
            artifacts
                .find(key)
                .filter(Artifact::populated)
                .orElseThrow(() -> artifactNotFound(key)));
      }
    }
    return candidates.stream().filter(a -> matches(a, filter.conditions())).toList();
  }

  static NotFound artifactNotFound(ArtifactKey key) {
    return new NotFound(
        "artifact '" + key.artifactId() + "' not found in collection '" + key.collectionId() + "'",
        "artifact");
  }

  private void requireCollection(String orgId, CollectionId collectionId) {
    if (collections.find(orgId, collectionId).isEmpty()) {
      throw new NotFound("collection '" + collectionId + "' not found", "collection");
    }
  }

  private static boolean matches(Artifact artifact, List<MetadataCondition> conditions) {
    for (MetadataCondition condition : conditions) {
      if (!condition.matches(artifact.current().metadata())) {
        return false;
      }
    }
    return true;
  }
}
