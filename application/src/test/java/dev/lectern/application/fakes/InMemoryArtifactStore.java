package dev.lectern.application.fakes;

import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.ArtifactStatus;
import dev.lectern.domain.artifact.Revision;
import dev.lectern.domain.collection.CollectionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  public synchronized List<Artifact> list(String orgId, CollectionId collectionId) {
    return artifacts.values().stream()
        .filter(a -> a.key().orgId().equals(orgId) && a.key().collectionId().equals(collectionId))
        .filter(Artifact::populated)
        .toList();
  }

  @Override
  public synchronized Claim claimIngest(ArtifactKey key, Revision revision) {
    Artifact existing = artifacts.get(key);
    Instant now = revision.createdAt();
    if (existing == null) {
      artifacts.put(
          key,
          new Artifact(key, ArtifactStatus.RUNNING, null, revision.version(), false, now, now));
    } else if (existing.busy()) {
      return Claim.BUSY;
    } else if (existing.current() != null
        && existing.current().contentHash().equals(revision.contentHash())) {
      return Claim.UNCHANGED;
    } else {
      artifacts.put(
          key,
          new Artifact(
              key,
              existing.status(),
              existing.current(),
              revision.version(),
              false,
              existing.createdAt(),
              now));
    }
    pending.put(key, revision);
    return Claim.STARTED;
  }

  @Override
  public synchronized void completeIngest(ArtifactKey key, long version) {
    Artifact existing = artifacts.get(key);
    Revision revision = pending.get(key);
    if (existing == null || revision == null || revision.version() != version) {
      return;
    }
    pending.remove(key);
    artifacts.put(
        key,
        new Artifact(
            key,
            ArtifactStatus.DONE,
            revision,
            null,
            false,
            existing.createdAt(),
            revision.createdAt()));
  }

  @Override
  public synchronized void abandonIngest(ArtifactKey key, long version) {
    Artifact existing = artifacts.get(key);
    Revision revision = pending.get(key);
    if (existing == null || revision == null || revision.version() != version) {
      return;
    }
    pending.remove(key);
    if (existing.current() == null) {
      artifacts.remove(key);
    } else {
      artifacts.put(
          key,
          new Artifact(
              key,
              existing.status(),
              existing.current(),
              null,
              false,
              existing.createdAt(),
              existing.updatedAt()));
    }
  }

  @Override
  public synchronized Optional<Revision> pendingRevision(ArtifactKey key) {
    return Optional.ofNullable(pending.get(key));
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
    artifacts.put(
        key,
        new Artifact(
            key,
            existing.status(),
            existing.current(),
            null,
            true,
            existing.createdAt(),
            existing.updatedAt()));
    return Claim.STARTED;
  }

  @Override
  public synchronized void completeDelete(ArtifactKey key) {
    artifacts.remove(key);
    pending.remove(key);
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
      if (artifact.current() != null) {
        versions.add(artifact.current().version());
      }
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
        .filter(r -> r != null)
        .forEach(revisions::add);
    for (Revision revision : revisions) {
      hashes.add(revision.contentHash().hex());
      hashes.add(revision.textHash().hex());
    }
    return hashes;
  }
}
