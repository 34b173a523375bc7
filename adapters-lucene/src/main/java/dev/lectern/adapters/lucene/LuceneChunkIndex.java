package dev.lectern.adapters.lucene;

import dev.lectern.application.error.Unavailable;
import dev.lectern.application.port.out.ChunkIndex;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
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
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Adapter: the chunk index as one Lucene index on disk. A write is applied to the index writer and
 * appended to a {@link ChunkJournal} that is forced to disk before the write returns (concurrent
 * writers share a force); Lucene commits in the background every {@code commitInterval}, after
 * which the journal is trimmed. Opening the index replays whatever the journal holds beyond the
 * last commit, so an acknowledged write survives a killed process. Any read that starts after a
 * write returns sees it (near-real-time readers).
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

  /** Journal size that triggers a commit before the interval is up. */
  private static final long JOURNAL_COMMIT_BYTES = 64L * 1024 * 1024;

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ChunkJournal journal;
  private final ScheduledExecutorService committer;
  private final Object commitLock = new Object();
  private final AtomicLong journaled = new AtomicLong();
  private long committedJournaled;

  /**
   * Readers are refreshed lazily: a write only bumps {@code writeGeneration}; the next read reopens
   * the searcher if a write finished since the last reopen. Many writes between two reads cost one
   * reopen, and a read after a write still sees it.
   */
  private final AtomicLong writeGeneration = new AtomicLong();

  private final AtomicLong refreshedGeneration = new AtomicLong();

  private LuceneChunkIndex(
      Directory directory, IndexWriter writer, ChunkJournal journal, Duration commitInterval)
      throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
    this.journal = journal;
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

  /** Opens (or creates) the index at {@code path}; its journal lives beside it. */
  public static LuceneChunkIndex open(Path path) {
    return open(path, Duration.ofSeconds(1));
  }

  static LuceneChunkIndex open(Path path, Duration commitInterval) {
    try {
      Directory directory = FSDirectory.open(path);
      IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField());
      config.setRAMBufferSizeMB(64);
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      IndexWriter writer = new IndexWriter(directory, config);
      try {
        Path journalDir = journalOf(path);
        List<byte[]> pending = ChunkJournal.read(journalDir);
        for (byte[] entry : pending) {
          apply(writer, JournalEntry.decode(entry));
        }
        if (!pending.isEmpty()) {
          writer.commit();
          LOG.log(
              System.Logger.Level.INFO, "replayed " + pending.size() + " journaled index writes");
        }
        return new LuceneChunkIndex(
            directory, writer, ChunkJournal.start(journalDir), commitInterval);
      } catch (IOException | RuntimeException e) {
        // Nothing was acknowledged from this writer: drop it and release the index lock.
        writer.rollback();
        directory.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the chunk index at " + path, e);
    }
  }

  static Path journalOf(Path index) {
    return index.resolveSibling(index.getFileName() + "-journal");
  }

  @Override
  public void replace(ArtifactKey key, long version, List<Chunk> chunks, Language language) {
    write(new JournalEntry.Replace(key, version, List.copyOf(chunks), language));
  }

  @Override
  public void delete(ArtifactKey key) {
    write(new JournalEntry.Delete(key));
  }

  @Override
  public void deleteCollection(String orgId, CollectionId collectionId) {
    write(new JournalEntry.DeleteCollection(orgId, collectionId));
  }

  @Override
  public void deleteVersion(ArtifactKey key, long version) {
    write(new JournalEntry.DeleteVersion(key, version));
  }

  /** Applies one write to the index writer; the same code serves live writes and replay. */
  private static void apply(IndexWriter writer, JournalEntry entry) throws IOException {
    switch (entry) {
      case JournalEntry.Replace replace -> {
        Term artifact = new Term(ARTIFACT_KEY, IndexKeys.artifact(replace.key()));
        List<Document> documents = new ArrayList<>(replace.chunks().size());
        for (Chunk chunk : replace.chunks()) {
          documents.add(
              ChunkDocuments.of(replace.key(), replace.version(), chunk, replace.language()));
        }
        // An update with no documents upsets IndexWriter's flush accounting: delete instead.
        if (documents.isEmpty()) {
          writer.deleteDocuments(artifact);
        } else {
          writer.updateDocuments(artifact, documents);
        }
      }
      case JournalEntry.Delete delete ->
          writer.deleteDocuments(new Term(ARTIFACT_KEY, IndexKeys.artifact(delete.key())));
      case JournalEntry.DeleteVersion delete ->
          writer.deleteDocuments(
              new Term(VERSION_KEY, IndexKeys.version(delete.key(), delete.version())));
      case JournalEntry.DeleteCollection delete ->
          writer.deleteDocuments(
              new Term(COLLECTION, IndexKeys.collection(delete.orgId(), delete.collectionId())));
    }
  }

  @Override
  public int chunkCount(ArtifactKey key) {
    return read(searcher -> searcher.count(artifactQuery(key)));
  }

  /** Pages through the artifact's chunks by position, a batch of stored documents at a time. */
  @Override
  public void forEachChunk(ArtifactKey key, int offset, int limit, Consumer<Chunk> action) {
    if (limit <= 0) {
      return;
    }
    Query query = artifactQuery(key);
    Sort byPosition = new Sort(new SortField(POSITION, SortField.Type.INT));
    read(
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
    return read(
        searcher -> {
          TopDocs top = searcher.search(query, 1);
          return top.scoreDocs.length == 0
              ? Optional.<Chunk>empty()
              : Optional.of(chunk(searcher.storedFields().document(top.scoreDocs[0].doc)));
        });
  }

  private static Query artifactQuery(ArtifactKey key) {
    return new TermQuery(new Term(ARTIFACT_KEY, IndexKeys.artifact(key)));
  }

  @Override
  public ChunkSearch open(ChunkQuery query) {
    try {
      IndexSearcher searcher = acquire();
      return LuceneChunkSearch.open(searcher, () -> release(searcher), query);
    } catch (IOException e) {
      throw new Unavailable("the chunk index could not be read: " + e.getMessage(), null, e);
    }
  }

  @Override
  public Map<ArtifactKey, Set<Long>> versions() {
    return read(
        searcher -> {
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
        });
  }

  /** The index can take writes: its writer is open and has not hit a fatal error. */
  @Override
  public Optional<String> problem() {
    if (!writer.isOpen() || writer.getTragicException() != null) {
      return Optional.of("the chunk index cannot be written");
    }
    return Optional.empty();
  }

  /** Number of live chunks in the index; for diagnostics and tests. */
  public int size() {
    return read(searcher -> searcher.getIndexReader().numDocs());
  }

  /** Makes every journaled write part of a Lucene commit and trims the journal. */
  void commit() throws IOException {
    synchronized (commitLock) {
      long upTo = journaled.get();
      if (upTo == committedJournaled) {
        return;
      }
      long generation = journal.rotate();
      writer.commit();
      committedJournaled = upTo;
      journal.deleteBefore(generation + 1);
    }
  }

  private void commitQuietly() {
    try {
      commit();
    } catch (IOException | RuntimeException e) {
      // The journal still holds every write; the next attempt (or a restart) commits them.
      LOG.log(System.Logger.Level.WARNING, "chunk index commit failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    committer.shutdown();
    try {
      committer.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    commit();
    journal.close();
    searchers.close();
    writer.close();
    directory.close();
  }

  /**
   * Stops as a killed process would: uncommitted index changes are dropped, the journal stays. For
   * tests of recovery.
   */
  void crash() throws IOException {
    committer.shutdownNow();
    journal.close();
    searchers.close();
    writer.rollback();
    directory.close();
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

  @FunctionalInterface
  private interface SearcherFunction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /** Applies the change and makes it durable in the journal; readers see it from then on. */
  private void write(JournalEntry entry) {
    try {
      apply(writer, entry);
      journal.append(JournalEntry.encode(entry));
      journaled.incrementAndGet();
      writeGeneration.incrementAndGet();
      if (journal.size() > JOURNAL_COMMIT_BYTES && !committer.isShutdown()) {
        try {
          committer.execute(this::commitQuietly);
        } catch (RejectedExecutionException closing) {
          // close() commits everything anyway
        }
      }
    } catch (IOException e) {
      throw new Unavailable("the chunk index could not be written: " + e.getMessage(), null, e);
    }
  }

  private <T> T read(SearcherFunction<T> function) {
    try {
      IndexSearcher searcher = acquire();
      try {
        return function.apply(searcher);
      } finally {
        release(searcher);
      }
    } catch (IOException e) {
      throw new Unavailable("the chunk index could not be read: " + e.getMessage(), null, e);
    }
  }

  /** A searcher that sees every write that finished before this call; release it when done. */
  private IndexSearcher acquire() throws IOException {
    long written = writeGeneration.get();
    if (refreshedGeneration.get() < written) {
      searchers.maybeRefreshBlocking();
      refreshedGeneration.accumulateAndGet(written, Math::max);
    }
    return searchers.acquire();
  }

  private void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException("the chunk index could not release a searcher", e);
    }
  }
}
