package dev.lectern.application.fakes;

import dev.lectern.application.port.out.ChunkHit;
import dev.lectern.application.port.out.ChunkIndex;
import dev.lectern.application.port.out.ChunkMatch;
import dev.lectern.application.port.out.ChunkQuery;
import dev.lectern.application.port.out.ChunkSearch;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.collection.Language;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
  public synchronized void deleteCollection(String orgId, CollectionId collectionId) {
    entries
        .keySet()
        .removeIf(k -> k.orgId().equals(orgId) && k.collectionId().equals(collectionId));
  }

  @Override
  public synchronized void deleteVersion(ArtifactKey key, long version) {
    Entry entry = entries.get(key);
    if (entry != null && entry.version() == version) {
      entries.remove(key);
    }
  }

  @Override
  public synchronized int chunkCount(ArtifactKey key) {
    Entry entry = entries.get(key);
    return entry == null ? 0 : entry.chunks().size();
  }

  @Override
  public void forEachChunk(
      ArtifactKey key, int offset, int limit, java.util.function.Consumer<Chunk> action) {
    List<Chunk> chunks;
    synchronized (this) {
      Entry entry = entries.get(key);
      chunks = entry == null ? List.of() : entry.chunks();
    }
    chunks.stream()
        .sorted(Comparator.comparingInt(Chunk::position))
        .skip(offset)
        .limit(limit)
        .forEach(action);
  }

  @Override
  public synchronized java.util.Optional<Chunk> chunk(ArtifactKey key, String chunkId) {
    Entry entry = entries.get(key);
    return entry == null
        ? java.util.Optional.empty()
        : entry.chunks().stream().filter(c -> c.id().equals(chunkId)).findFirst();
  }

  /** Scores by the share of the query's distinct words a chunk contains; no stemming. */
  @Override
  public ChunkSearch open(ChunkQuery query) {
    List<ChunkHit> hits = hits(query);
    List<ChunkMatch> matches = new ArrayList<>();
    for (ChunkHit hit : hits) {
      matches.add(new ChunkMatch(hit.key(), hit.version(), hit.score()));
    }
    return new ChunkSearch() {
      @Override
      public List<ChunkMatch> matches() {
        return matches;
      }

      @Override
      public ChunkHit hit(int position) {
        return hits.get(position);
      }

      @Override
      public void close() {}
    };
  }

  private synchronized List<ChunkHit> hits(ChunkQuery query) {
    Set<String> wanted = words(query.text());
    List<ChunkHit> hits = new ArrayList<>();
    if (wanted.isEmpty()) {
      return hits;
    }
    entries.forEach(
        (key, entry) -> {
          if (!key.orgId().equals(query.orgId()) || !inScope(key, query)) {
            return;
          }
          for (Chunk chunk : entry.chunks()) {
            Set<String> have = words(searchable(chunk));
            long matched = wanted.stream().filter(have::contains).count();
            if (chunk.available() && matched > 0) {
              double score = (double) matched / wanted.size();
              String marked = query.highlight() ? highlight(chunk.text(), wanted) : null;
              hits.add(new ChunkHit(key, entry.version(), chunk, score, marked));
            }
          }
        });
    hits.sort(Comparator.comparingDouble(ChunkHit::score).reversed());
    return hits.size() > query.limit() ? List.copyOf(hits.subList(0, query.limit())) : hits;
  }

  private static boolean inScope(ArtifactKey key, ChunkQuery query) {
    for (ChunkQuery.Scope scope : query.scopes()) {
      if (scope.collectionId().equals(key.collectionId())
          && (scope.artifactIds() == null || scope.artifactIds().contains(key.artifactId()))) {
        return true;
      }
    }
    return false;
  }

  private static String searchable(Chunk chunk) {
    return chunk.text()
        + " "
        + String.join(" ", chunk.keywords())
        + " "
        + String.join(" ", chunk.questions());
  }

  private static Set<String> words(String text) {
    Set<String> words = new LinkedHashSet<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  private static String highlight(String text, Set<String> wanted) {
    StringBuilder out = new StringBuilder();
    Matcher matcher = Pattern.compile("[\\p{L}\\p{N}]+").matcher(text);
    int at = 0;
    while (matcher.find()) {
      out.append(text, at, matcher.start());
      String word = matcher.group();
      out.append(wanted.contains(word.toLowerCase(Locale.ROOT)) ? "<em>" + word + "</em>" : word);
      at = matcher.end();
    }
    return out.append(text.substring(at)).toString();
  }

  @Override
  public synchronized Map<ArtifactKey, Set<Long>> versions() {
    Map<ArtifactKey, Set<Long>> versions = new HashMap<>();
    entries.forEach((key, entry) -> versions.put(key, new HashSet<>(Set.of(entry.version()))));
    return versions;
  }
}
