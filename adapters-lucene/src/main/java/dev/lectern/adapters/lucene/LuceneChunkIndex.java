package dev.lectern.adapters.lucene;

import dev.lectern.application.error.Unavailable;
import dev.lectern.application.port.out.ChunkHit;
import dev.lectern.application.port.out.ChunkIndex;
import dev.lectern.application.port.out.ChunkMatch;
import dev.lectern.application.port.out.ChunkQuery;
import dev.lectern.application.port.out.ChunkSearch;
import dev.lectern.application.port.out.HealthIndicator;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.collection.Language;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Adapter: the chunk index as one Lucene index per organization on disk, each with its own
 * write-ahead journal ({@link OrgIndex}), so that one organization's documents never change the
 * scores (term statistics) another sees. An organization's index opens on first use; Lucene commits
 * every open one in the background every {@code commitInterval}. An index of every organization, as
 * earlier releases kept it, is split once when the index is opened.
 */
public final class LuceneChunkIndex implements ChunkIndex, HealthIndicator, Closeable {
  static final String ID = "id";
  static final String ORG = "org";
  static final String COLLECTION = "collection";
  static final String ARTIFACT = "artifact";
  static final String ARTIFACT_KEY = "akey";
  static final String VERSION_KEY = "akv";
  static final String VERSION = "version";
  static final String POSITION = "pos";
  static final String TEXT = "text";
  static final String TOKENS = "tokens";
  static final String HEADING = "heading";
  static final String KEYWORD = "kwd";
  static final String QUESTION = "qst";
  static final String AVAILABLE = "avail";
  static final String COLLECTION_ID = "cid";
  static final String MATCH_KEY = "mkey";

  private static final System.Logger LOG = System.getLogger(LuceneChunkIndex.class.getName());

  /** Chunks read from the index per round while paging through an artifact. */
  private static final int CHUNK_BATCH = 256;

  private static final ChunkSearch NO_MATCHES =
      new ChunkSearch() {
        @Override
        public List<ChunkMatch> matches() {
          return List.of();
        }

        @Override
        public ChunkHit hit(int position) {
          throw new IndexOutOfBoundsException(position);
        }

        @Override
        public void close() {}
      };

  private final Path root;
  private final Path journalRoot;
  private final Map<String, OrgIndex> open = new ConcurrentHashMap<>();
  private final ScheduledExecutorService committer;
  private volatile boolean closed;

  private LuceneChunkIndex(Path root, Duration commitInterval) {
    this.root = root;
    this.journalRoot = journalOf(root);
    this.committer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "lectern-index-commit");
              thread.setDaemon(true);
              return thread;
            });
    long millis = commitInterval.toMillis();
    committer.scheduleWithFixedDelay(this::commitQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Opens (or creates) the indexes under {@code path}; their journals live beside it. */
  public static LuceneChunkIndex open(Path path) {
    return open(path, Duration.ofSeconds(1));
  }

  static LuceneChunkIndex open(Path path, Duration commitInterval) {
    try {
      Files.createDirectories(path);
      LegacyIndexMigration.migrateIfPresent(path, journalOf(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the chunk index at " + path, e);
    }
    return new LuceneChunkIndex(path, commitInterval);
  }

  static Path journalOf(Path index) {
    return index.resolveSibling(index.getFileName() + "-journal");
  }

  /** Where the journal of one organization's index lives; for tests of recovery. */
  static Path journalOf(Path index, String orgId) {
    return journalOf(index).resolve(OrgDirectories.name(orgId));
  }

  @Override
  public void replace(ArtifactKey key, long version, List<Chunk> chunks, Language language) {
    forWrite(key.orgId())
        .write(new JournalEntry.Replace(key, version, List.copyOf(chunks), language));
  }

  @Override
  public void delete(ArtifactKey key) {
    forRead(key.orgId()).ifPresent(index -> index.write(new JournalEntry.Delete(key)));
  }

  @Override
  public void deleteCollection(String orgId, CollectionId collectionId) {
    forRead(orgId)
        .ifPresent(index -> index.write(new JournalEntry.DeleteCollection(orgId, collectionId)));
  }

  @Override
  public void deleteVersion(ArtifactKey key, long version) {
    forRead(key.orgId())
        .ifPresent(index -> index.write(new JournalEntry.DeleteVersion(key, version)));
  }

  @Override
  public int chunkCount(ArtifactKey key) {
    return forRead(key.orgId())
        .map(index -> index.read(searcher -> searcher.count(artifactQuery(key))))
        .orElse(0);
  }

  /** Pages through the artifact's chunks by position, a batch of stored documents at a time. */
  @Override
  public void forEachChunk(ArtifactKey key, int offset, int limit, Consumer<Chunk> action) {
    Optional<OrgIndex> found = forRead(key.orgId());
    if (limit <= 0 || found.isEmpty()) {
      return;
    }
    Query query = artifactQuery(key);
    Sort byPosition = new Sort(new SortField(POSITION, SortField.Type.INT));
    found
        .get()
        .read(
            searcher -> {
              StoredFields stored = searcher.storedFields();
              ScoreDoc after = null;
              long skipped = 0;
              long handed = 0;
              while (handed < limit) {
                TopDocs batch =
                    after == null
                        ? searcher.search(query, CHUNK_BATCH, byPosition)
                        : searcher.searchAfter(after, query, CHUNK_BATCH, byPosition);
                if (batch.scoreDocs.length == 0) {
                  break;
                }
                for (ScoreDoc hit : batch.scoreDocs) {
                  if (skipped < offset) {
                    skipped++;
                  } else if (handed < limit) {
                    action.accept(chunk(stored.document(hit.doc)));
                    handed++;
                  }
                }
                after = batch.scoreDocs[batch.scoreDocs.length - 1];
              }
              return null;
            });
  }

  @Override
  public Optional<Chunk> chunk(ArtifactKey key, String chunkId) {
    Query query =
        new BooleanQuery.Builder()
            .add(artifactQuery(key), BooleanClause.Occur.FILTER)
            .add(new TermQuery(new Term(ID, chunkId)), BooleanClause.Occur.FILTER)
            .build();
    return forRead(key.orgId())
        .flatMap(
            index ->
                index.read(
                    searcher -> {
                      TopDocs top = searcher.search(query, 1);
                      return top.scoreDocs.length == 0
                          ? Optional.<Chunk>empty()
                          : Optional.of(
                              chunk(searcher.storedFields().document(top.scoreDocs[0].doc)));
                    }));
  }

  private static Query artifactQuery(ArtifactKey key) {
    return new TermQuery(new Term(ARTIFACT_KEY, IndexKeys.artifact(key)));
  }

  @Override
  public ChunkSearch open(ChunkQuery query) {
    Optional<OrgIndex> found = forRead(query.orgId());
    if (found.isEmpty()) {
      return NO_MATCHES;
    }
    OrgIndex index = found.get();
    try {
      IndexSearcher searcher = index.acquire();
      return LuceneChunkSearch.open(searcher, () -> index.release(searcher), query);
    } catch (IOException e) {
      throw new Unavailable("the chunk index could not be read: " + e.getMessage(), null, e);
    }
  }

  @Override
  public Map<ArtifactKey, Set<Long>> versions() {
    Map<ArtifactKey, Set<Long>> versions = new HashMap<>();
    for (String orgId : orgsOnDisk()) {
      forRead(orgId).ifPresent(index -> versions.putAll(index.read(LuceneChunkIndex::versionsOf)));
    }
    return versions;
  }

  private static Map<ArtifactKey, Set<Long>> versionsOf(IndexSearcher searcher) throws IOException {
    Map<ArtifactKey, Set<Long>> versions = new HashMap<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(VERSION_KEY);
      if (terms == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      TermsEnum termsEnum = terms.iterator();
      PostingsEnum postings = null;
      for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
        postings = termsEnum.postings(postings, PostingsEnum.NONE);
        if (hasLiveDoc(postings, live)) {
          IndexKeys.Versioned parsed = IndexKeys.parseVersion(term.utf8ToString());
          versions.computeIfAbsent(parsed.key(), k -> new HashSet<>()).add(parsed.version());
        }
      }
    }
    return versions;
  }

  /** Number of live chunks in all indexes; for diagnostics and tests. */
  public int size() {
    int size = 0;
    for (String orgId : orgsOnDisk()) {
      size +=
          forRead(orgId)
              .map(index -> index.read(searcher -> searcher.getIndexReader().numDocs()))
              .orElse(0);
    }
    return size;
  }

  /**
   * The indexes can take writes: their directories accept a new file, and no open index has hit a
   * fatal error or failed its last write.
   */
  @Override
  public Optional<String> problem() {
    if (closed) {
      return Optional.of("the chunk index is closed");
    }
    for (Path directory : List.of(root, journalRoot)) {
      if (!writable(directory)) {
        return Optional.of("the chunk index cannot be written");
      }
    }
    for (OrgIndex index : open.values()) {
      Optional<String> problem = index.problem();
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static boolean writable(Path directory) {
    try {
      Files.createDirectories(directory);
      Path probe = Files.createTempFile(directory, ".probe-", ".tmp");
      Files.delete(probe);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Makes every journaled write of every open index part of a Lucene commit. */
  void commit() throws IOException {
    for (OrgIndex index : open.values()) {
      index.commit();
    }
  }

  private void commitQuietly() {
    for (Map.Entry<String, OrgIndex> entry : open.entrySet()) {
      commitQuietly(entry.getValue());
    }
  }

  private static void commitQuietly(OrgIndex index) {
    try {
      index.commit();
    } catch (IOException | RuntimeException e) {
      // The journal still holds every write; the next attempt (or a restart) commits them.
      LOG.log(System.Logger.Level.WARNING, "chunk index commit failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    committer.shutdown();
    try {
      committer.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    IOException first = null;
    for (OrgIndex index : open.values()) {
      try {
        index.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    open.clear();
    if (first != null) {
      throw first;
    }
  }

  /**
   * Stops as a killed process would: uncommitted index changes are dropped, the journals stay. For
   * tests of recovery.
   */
  void crash() throws IOException {
    closed = true;
    committer.shutdownNow();
    for (OrgIndex index : open.values()) {
      index.crash();
    }
    open.clear();
  }

  private OrgIndex forWrite(String orgId) {
    OrgIndex index = open.get(orgId);
    if (index != null && !closed) {
      return index;
    }
    // Opening (which replays a journal) and closing take the same lock: no index is opened
    // while the whole is being closed, nor left open after it.
    synchronized (this) {
      if (closed) {
        throw new Unavailable("the chunk index is closed");
      }
      return open.computeIfAbsent(
          orgId,
          id ->
              OrgIndex.open(
                  root.resolve(OrgDirectories.name(id)),
                  journalRoot.resolve(OrgDirectories.name(id)),
                  () -> commitSoon(id)));
    }
  }

  /** The organization's index if it has one; an organization never written to has none. */
  private Optional<OrgIndex> forRead(String orgId) {
    OrgIndex index = open.get(orgId);
    if (index != null) {
      return Optional.of(index);
    }
    if (Files.isDirectory(root.resolve(OrgDirectories.name(orgId)))) {
      return Optional.of(forWrite(orgId));
    }
    return Optional.empty();
  }

  private void commitSoon(String orgId) {
    try {
      committer.execute(
          () -> {
            OrgIndex index = open.get(orgId);
            if (index != null) {
              commitQuietly(index);
            }
          });
    } catch (RejectedExecutionException closing) {
      // close() commits everything anyway
    }
  }

  /** The organizations that have an index, open or on disk. */
  private List<String> orgsOnDisk() {
    Set<String> orgs = new java.util.LinkedHashSet<>(open.keySet());
    try (Stream<Path> listed = Files.list(root)) {
      listed
          .filter(Files::isDirectory)
          .map(p -> OrgDirectories.orgOf(p.getFileName().toString()))
          .flatMap(Optional::stream)
          .forEach(orgs::add);
    } catch (IOException e) {
      throw new Unavailable("the chunk index could not be listed: " + e.getMessage(), null, e);
    }
    return new ArrayList<>(orgs);
  }

  private static boolean hasLiveDoc(PostingsEnum postings, Bits live) throws IOException {
    for (int doc = postings.nextDoc();
        doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = postings.nextDoc()) {
      if (live == null || live.get(doc)) {
        return true;
      }
    }
    return false;
  }

  static Chunk chunk(Document doc) {
    return new Chunk(
        doc.get(ID),
        doc.getField(POSITION).numericValue().intValue(),
        doc.get(TEXT),
        doc.getField(TOKENS).numericValue().intValue(),
        List.of(doc.getValues(HEADING)),
        List.of(doc.getValues(KEYWORD)),
        List.of(doc.getValues(QUESTION)),
        !"0".equals(doc.get(AVAILABLE)));
  }

  /** Key of a stored chunk document. */
  static ArtifactKey keyOf(Document doc, String orgId) {
    return new ArtifactKey(
        orgId, new CollectionId(doc.get(COLLECTION_ID)), new ArtifactId(doc.get(ARTIFACT)));
  }
}
