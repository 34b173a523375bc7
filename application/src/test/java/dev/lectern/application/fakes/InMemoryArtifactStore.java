package dev.lectern.application.fakes;

import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.PublishedVersion;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.Revision;
import dev.lectern.domain.collection.CollectionId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Fake: artifacts and their pending revisions in maps. */
public final class InMemoryArtifactStore implements ArtifactStore {
  private final Map<ArtifactKey, Artifact> artifacts = new LinkedHashMap<>();
  private final Map<ArtifactKey, Revision> pending = new HashMap<>();

  @Override
  public synchronized Optional<Artifact> find(ArtifactKey key) {
    return Optional.ofNullable(artifacts.get(key));
  }

  @Override
  public synchronized Map<ArtifactKey, Artifact> findAll(Collection<ArtifactKey> keys) {
    Map<ArtifactKey, Artifact> found = new HashMap<>();
    for (ArtifactKey key : keys) {
      find(key).ifPresent(artifact -> found.put(key, artifact));
    }
    return found;
  }

  @Override
  public synchronized Map<ArtifactKey, PublishedVersion> findPublished(
      Collection<ArtifactKey> keys) {
    Map<ArtifactKey, PublishedVersion> found = new HashMap<>();
    findAll(keys)
        .forEach(
            (key, artifact) -> {
              if (artifact.populated()) {
                found.put(
                    key,
                    new PublishedVersion(
                        artifact.current().version(), artifact.current().fileName()));
              }
            });
    return found;
  }

  @Override
  public synchronized List<Artifact> list(String orgId, CollectionId collectionId) {
    return artifacts.values().stream()
        .filter(a -> a.key().orgId().equals(orgId) && a.key().collectionId().equals(collectionId))
        .filter(Artifact::populated)
        .sorted(OLDEST_FIRST)
        .toList();
  }

  @Override
  public synchronized List<Artifact> listPage(
      String orgId, CollectionId collectionId, Cursor after, int limit) {
    return list(orgId, collectionId).stream()
        .filter(a -> after == null || OLDEST_FIRST.compare(a, probe(after)) > 0)
        .limit(limit)
        .toList();
  }

  private static final java.util.Comparator<Artifact> OLDEST_FIRST =
      java.util.Comparator.comparing(Artifact::createdAt)
          .thenComparing(a -> a.key().artifactId().value());

  private static Artifact probe(Cursor cursor) {
    return new Artifact(
        new ArtifactKey("-", new CollectionId("-"), cursor.artifactId()),
        dev.lectern.domain.artifact.ArtifactStatus.DONE,
        null,
        null,
        false,
        cursor.createdAt(),
        cursor.createdAt());
  }

  @Override
  public synchronized Claim claimIngest(ArtifactKey key, Revision revision) {
    Artifact existing = artifacts.get(key);
    if (existing == null) {
      artifacts.put(key, Artifact.claimed(key, revision.version(), revision.createdAt()));
    } else if (existing.busy()) {
      return Claim.BUSY;
    } else if (existing.current() != null
        && existing.current().contentHash().equals(revision.contentHash())) {
      return Claim.UNCHANGED;
    } else {
      artifacts.put(key, existing.withPending(revision.version()));
    }
    pending.put(key, revision);
    return Claim.STARTED;
  }

  @Override
  public synchronized void completeIngest(ArtifactKey key, long version) {
    Revision revision = pendingAt(key, version);
    if (revision != null) {
      pending.remove(key);
      artifacts.put(key, artifacts.get(key).published(revision));
    }
  }

  @Override
  public synchronized void abandonIngest(ArtifactKey key, long version) {
    if (pendingAt(key, version) == null) {
      return;
    }
    pending.remove(key);
    Artifact existing = artifacts.get(key);
    if (existing.current() == null) {
      artifacts.remove(key);
    } else {
      artifacts.put(key, existing.withPending(null));
    }
  }

  @Override
  public synchronized Claim claimDelete(ArtifactKey key) {
    Artifact existing = artifacts.get(key);
    if (existing == null || (existing.current() == null && !existing.busy())) {
      return Claim.MISSING;
    }
    if (existing.busy()) {
      return Claim.BUSY;
    }
    artifacts.put(key, existing.markedDeleting());
    return Claim.STARTED;
  }

  @Override
  public synchronized void completeDelete(ArtifactKey key) {
    artifacts.remove(key);
    pending.remove(key);
  }

  @Override
  public synchronized void recordChunkCounts(
      ArtifactKey key, long version, int chunkCount, long tokenCount) {
    changeCurrent(key, version, r -> r.withChunkCounts(chunkCount, tokenCount));
  }

  @Override
  public synchronized void renameRevision(ArtifactKey key, long version, String fileName) {
    changeCurrent(key, version, r -> r.renamed(fileName));
  }

  private void changeCurrent(
      ArtifactKey key, long version, java.util.function.UnaryOperator<Revision> change) {
    Artifact artifact = artifacts.get(key);
    if (artifact != null && artifact.current() != null && artifact.current().version() == version) {
      artifacts.put(key, artifact.published(change.apply(artifact.current())));
    }
  }

  @Override
  public synchronized void removeCollection(String orgId, CollectionId collectionId) {
    artifacts
        .keySet()
        .removeIf(k -> k.orgId().equals(orgId) && k.collectionId().equals(collectionId));
    pending
        .keySet()
        .removeIf(k -> k.orgId().equals(orgId) && k.collectionId().equals(collectionId));
  }

  @Override
  public synchronized List<Artifact> unfinished() {
    return artifacts.values().stream().filter(Artifact::busy).toList();
  }

  @Override
  public synchronized Map<ArtifactKey, List<Long>> liveVersions() {
    Map<ArtifactKey, List<Long>> live = new HashMap<>();
    for (Artifact artifact : artifacts.values()) {
      List<Long> versions = new ArrayList<>();
      artifact.currentRevision().ifPresent(r -> versions.add(r.version()));
      if (artifact.pendingVersion() != null) {
        versions.add(artifact.pendingVersion());
      }
      live.put(artifact.key(), versions);
    }
    return live;
  }

  @Override
  public synchronized Set<String> referencedBlobs() {
    Set<String> hashes = new HashSet<>();
    List<Revision> revisions = new ArrayList<>(pending.values());
    artifacts.values().stream()
        .map(Artifact::current)
        .filter(Objects::nonNull)
        .forEach(revisions::add);
    for (Revision revision : revisions) {
      hashes.add(revision.contentHash().hex());
      hashes.add(revision.textHash().hex());
    }
    return hashes;
  }

  /** The pending revision of the artifact if it has {@code version}, else null. */
  private Revision pendingAt(ArtifactKey key, long version) {
    Revision revision = pending.get(key);
    return artifacts.containsKey(key) && revision != null && revision.version() == version
        ? revision
        : null;
  }
}
