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
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Resolves a context filter to populated artifacts: listed ids intersected with metadata. What can
 * be wrong with a filter (an unknown collection or listed artifact) is checked when it is resolved;
 * a whole collection is then read page by page as it is iterated, so that its size does not matter.
 */
public final class ArtifactSelection {
  static final int PAGE = 200;

  private final CollectionStore collections;
  private final ArtifactStore artifacts;

  public ArtifactSelection(CollectionStore collections, ArtifactStore artifacts) {
    this.collections = collections;
    this.artifacts = artifacts;
  }

  /** Populated artifacts of an existing collection, or {@link NotFound}; read page by page. */
  public Iterable<Artifact> all(String orgId, CollectionId collectionId) {
    requireCollection(orgId, collectionId);
    return () -> new Pages(orgId, collectionId, List.of());
  }

  public Iterable<Artifact> select(ContextFilter filter) {
    if (filter.artifactIds() == null) {
      requireCollection(filter.orgId(), filter.collectionId());
      return () -> new Pages(filter.orgId(), filter.collectionId(), filter.conditions());
    }
    requireCollection(filter.orgId(), filter.collectionId());
    List<Artifact> listed = new ArrayList<>();
    for (ArtifactId id : new LinkedHashSet<>(filter.artifactIds())) {
      ArtifactKey key = new ArtifactKey(filter.orgId(), filter.collectionId(), id);
      Artifact artifact =
          artifacts.find(key).filter(Artifact::populated).orElseThrow(() -> artifactNotFound(key));
      if (matches(artifact, filter.conditions())) {
        listed.add(artifact);
      }
    }
    return List.copyOf(listed);
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

  /** The matching artifacts of a collection, one page of the store in memory at a time. */
  private final class Pages implements Iterator<Artifact> {
    private final String orgId;
    private final CollectionId collectionId;
    private final List<MetadataCondition> conditions;
    private Iterator<Artifact> page = List.<Artifact>of().iterator();
    private ArtifactStore.Cursor cursor;
    private boolean exhausted;
    private Artifact next;

    Pages(String orgId, CollectionId collectionId, List<MetadataCondition> conditions) {
      this.orgId = orgId;
      this.collectionId = collectionId;
      this.conditions = conditions;
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (!page.hasNext()) {
          if (exhausted) {
            return false;
          }
          List<Artifact> read = artifacts.listPage(orgId, collectionId, cursor, PAGE);
          exhausted = read.size() < PAGE;
          if (!read.isEmpty()) {
            cursor = ArtifactStore.Cursor.after(read.get(read.size() - 1));
          }
          page = read.iterator();
          continue;
        }
        Artifact candidate = page.next();
        if (matches(candidate, conditions)) {
          next = candidate;
        }
      }
      return true;
    }

    @Override
    public Artifact next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Artifact result = next;
      next = null;
      return result;
    }
  }
}
