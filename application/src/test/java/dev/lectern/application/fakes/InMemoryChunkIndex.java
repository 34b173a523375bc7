package dev.lectern.application.fakes;

import dev.lectern.application.port.out.ChunkIndex;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.collection.Language;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Fake: each artifact's chunks with the version they were written under. */
public final class InMemoryChunkIndex implements ChunkIndex {
  private record Entry(long version, List<Chunk> chunks) {}

  private final Map<ArtifactKey, Entry> entries = new HashMap<>();
  private int failuresToInject;
  private Runnable beforeReplace = () -> {};

  /** Runs {@code hook} inside every {@link #replace}, before the chunks are stored. */
  public synchronized void beforeReplace(Runnable hook) {
    beforeReplace = hook;
  }

  /** Makes the next {@code count} calls to {@link #replace} fail, to exercise recovery paths. */
  public synchronized void failNextReplaces(int count) {
    failuresToInject = count;
  }

  @Override
  public synchronized void replace(
      ArtifactKey key, long version, List<Chunk> chunks, Language language) {
    if (failuresToInject > 0) {
      failuresToInject--;
      throw new IllegalStateException("injected index failure");
    }
    beforeReplace.run();
    entries.put(key, new Entry(version, List.copyOf(chunks)));
  }

  @Override
  public synchronized void delete(ArtifactKey key) {
    entries.remove(key);
  }

  @Override
  public synchronized void deleteVersion(ArtifactKey key, long version) {
    Entry entry = entries.get(key);
    if (entry != null && entry.version() == version) {
      entries.remove(key);
    }
  }

  @Override
  public synchronized List<Chunk> chunksOf(ArtifactKey key) {
    Entry entry = entries.get(key);
    return entry == null ? List.of() : entry.chunks();
  }

  @Override
  public synchronized Map<ArtifactKey, Set<Long>> versions() {
    Map<ArtifactKey, Set<Long>> versions = new HashMap<>();
    entries.forEach((key, entry) -> versions.put(key, new HashSet<>(Set.of(entry.version()))));
    return versions;
  }
}
