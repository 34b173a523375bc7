package dev.lectern.application.service.artifact;

import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.PublishedVersion;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.Revision;
import dev.lectern.domain.collection.CollectionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Decorator: remembers {@link #findPublished} answers per artifact, so that a retrieval whose
 * candidates come from a thousand artifacts does not look them all up again. Every write through
 * this store forgets what it touches; an answer read while a write was in flight is not remembered;
 * answers older than {@code maxAge} are read again, which bounds how stale a write by another
 * process sharing the database can leave them. Everything else passes straight through.
 */
public final class PublishedVersionCache implements ArtifactStore {
  /** A remembered answer; {@code published} null means "not published". */
  private record Entry(PublishedVersion published, long loadedAt) {}

  private final ArtifactStore store;
  private final LongSupplier nanoTime;
  private final long maxAgeNanos;
  private final int maxEntries;
  private final Map<ArtifactKey, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicInteger writesInFlight = new AtomicInteger();
  private final AtomicLong writesDone = new AtomicLong();

  public PublishedVersionCache(ArtifactStore store, Duration maxAge, int maxEntries) {
    this(store, System::nanoTime, maxAge, maxEntries);
  }

  PublishedVersionCache(
      ArtifactStore store, LongSupplier nanoTime, Duration maxAge, int maxEntries) {
    this.store = store;
    this.nanoTime = nanoTime;
    this.maxAgeNanos = maxAge.toNanos();
    this.maxEntries = maxEntries;
  }

  @Override
  public Map<ArtifactKey, PublishedVersion> findPublished(Collection<ArtifactKey> keys) {
    Map<ArtifactKey, PublishedVersion> found = new HashMap<>();
    List<ArtifactKey> missing = new ArrayList<>();
    long now = nanoTime.getAsLong();
    for (ArtifactKey key : keys) {
      Entry entry = entries.get(key);
      if (entry != null && now - entry.loadedAt() < maxAgeNanos) {
        if (entry.published() != null) {
          found.put(key, entry.published());
        }
      } else {
        missing.add(key);
      }
    }
    if (missing.isEmpty()) {
      return found;
    }
    long writesBefore = writesDone.get();
    boolean quietBefore = writesInFlight.get() == 0;
    Map<ArtifactKey, PublishedVersion> loaded = store.findPublished(missing);
    found.putAll(loaded);
    if (quietBefore && writesInFlight.get() == 0 && writesDone.get() == writesBefore) {
      if (entries.size() + missing.size() > maxEntries) {
        entries.clear();
      }
      for (ArtifactKey key : missing) {
        entries.put(key, new Entry(loaded.get(key), now));
      }
    }
    return found;
  }

  @Override
  public Optional<Artifact> find(ArtifactKey key) {
    return store.find(key);
  }

  @Override
  public Map<ArtifactKey, Artifact> findAll(Collection<ArtifactKey> keys) {
    return store.findAll(keys);
  }

  @Override
  public List<Artifact> list(String orgId, CollectionId collectionId) {
    return store.list(orgId, collectionId);
  }

  @Override
  public List<Artifact> listPage(String orgId, CollectionId collectionId, Cursor after, int limit) {
    return store.listPage(orgId, collectionId, after, limit);
  }

  @Override
  public Claim claimIngest(ArtifactKey key, Revision pending) {
    return write(key, () -> store.claimIngest(key, pending));
  }

  @Override
  public void completeIngest(ArtifactKey key, long version) {
    write(key, () -> run(() -> store.completeIngest(key, version)));
  }

  @Override
  public void abandonIngest(ArtifactKey key, long version) {
    write(key, () -> run(() -> store.abandonIngest(key, version)));
  }

  @Override
  public Claim claimDelete(ArtifactKey key) {
    return write(key, () -> store.claimDelete(key));
  }

  @Override
  public void completeDelete(ArtifactKey key) {
    write(key, () -> run(() -> store.completeDelete(key)));
  }

  @Override
  public void recordChunkCounts(ArtifactKey key, long version, int chunkCount, long tokenCount) {
    store.recordChunkCounts(key, version, chunkCount, tokenCount);
  }

  @Override
  public void renameRevision(ArtifactKey key, long version, String fileName) {
    write(key, () -> run(() -> store.renameRevision(key, version, fileName)));
  }

  @Override
  public void removeCollection(String orgId, CollectionId collectionId) {
    write(null, () -> run(() -> store.removeCollection(orgId, collectionId)));
  }

  @Override
  public List<Artifact> unfinished() {
    return store.unfinished();
  }

  @Override
  public Map<ArtifactKey, List<Long>> liveVersions() {
    return store.liveVersions();
  }

  @Override
  public Set<String> referencedBlobs() {
    return store.referencedBlobs();
  }

  /** Runs a write, forgetting {@code key} (null: everything) before and after it. */
  private <T> T write(ArtifactKey key, Supplier<T> write) {
    writesInFlight.incrementAndGet();
    try {
      forget(key);
      return write.get();
    } finally {
      forget(key);
      writesDone.incrementAndGet();
      writesInFlight.decrementAndGet();
    }
  }

  private void forget(ArtifactKey key) {
    if (key == null) {
      entries.clear();
    } else {
      entries.remove(key);
    }
  }

  private static Void run(Runnable write) {
    write.run();
    return null;
  }
}
