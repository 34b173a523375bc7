package dev.lectern.adapters.lucene;

import static dev.lectern.adapters.lucene.LuceneChunkIndex.ARTIFACT_KEY;
import static dev.lectern.adapters.lucene.LuceneChunkIndex.COLLECTION;
import static dev.lectern.adapters.lucene.LuceneChunkIndex.VERSION_KEY;

import dev.lectern.application.error.Unavailable;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One Lucene index on disk with its write-ahead journal: the chunks of one organization, so that
 * its scores depend on its own documents only. A write is applied to the index writer and appended
 * to a {@link ChunkJournal} that is forced to disk before the write returns (concurrent writers
 * share a force); {@link #commit} makes journaled writes part of a Lucene commit and trims the
 * journal. Opening replays whatever the journal holds beyond the last commit. Any read that starts
 * after a write returns sees it (near-real-time readers).
 */
final class OrgIndex implements Closeable {
  private static final System.Logger LOG = System.getLogger(OrgIndex.class.getName());

  /**
   * Index writes held in memory before Lucene flushes a segment, per open index. Commits every
   * second flush it anyway; the bound keeps one large document from filling the heap.
   */
  private static final double RAM_BUFFER_MB = 32;

  /** Journal size that asks for a commit before the interval is up. */
  private static final long JOURNAL_COMMIT_BYTES = 64L * 1024 * 1024;

  @FunctionalInterface
  interface SearcherFunction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ChunkJournal journal;
  private final Runnable commitSoon;
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

  /** Whether the last write failed; health reports it until a write succeeds again. */
  private volatile boolean lastWriteFailed;

  private OrgIndex(
      Directory directory, IndexWriter writer, ChunkJournal journal, Runnable commitSoon)
      throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
    this.journal = journal;
    this.commitSoon = commitSoon;
  }

  /**
   * Opens (or creates) the index at {@code path} with its journal at {@code journalDir}, replaying
   * the journal; {@code commitSoon} is asked for a commit when the journal grows large.
   */
  static OrgIndex open(Path path, Path journalDir, Runnable commitSoon) {
    try {
      Directory directory = FSDirectory.open(path);
      IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField());
      config.setRAMBufferSizeMB(RAM_BUFFER_MB);
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      IndexWriter writer = new IndexWriter(directory, config);
      try {
        List<byte[]> pending = ChunkJournal.read(journalDir);
        for (byte[] entry : pending) {
          apply(writer, JournalEntry.decode(entry));
        }
        if (!pending.isEmpty()) {
          writer.commit();
          LOG.log(
              System.Logger.Level.INFO, "replayed " + pending.size() + " journaled index writes");
        }
        return new OrgIndex(directory, writer, ChunkJournal.start(journalDir), commitSoon);
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

  /** Applies one write to the index writer; the same code serves live writes and replay. */
  static void apply(IndexWriter writer, JournalEntry entry) throws IOException {
    switch (entry) {
      case JournalEntry.Replace replace -> {
        Term artifact = new Term(ARTIFACT_KEY, IndexKeys.artifact(replace.key()));
        // An update with no documents upsets IndexWriter's flush accounting: delete instead.
        if (replace.chunks().isEmpty()) {
          writer.deleteDocuments(artifact);
        } else {
          // Documents are made as the writer takes them, not all held at once.
          Iterable<Document> documents =
              () ->
                  replace.chunks().stream()
                      .map(
                          chunk ->
                              ChunkDocuments.of(
                                  replace.key(), replace.version(), chunk, replace.language()))
                      .iterator();
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

  /** Applies the change and makes it durable in the journal; readers see it from then on. */
  void write(JournalEntry entry) {
    try {
      apply(writer, entry);
      journal.append(JournalEntry.encode(entry));
      journaled.incrementAndGet();
      writeGeneration.incrementAndGet();
      lastWriteFailed = false;
      if (journal.size() > JOURNAL_COMMIT_BYTES) {
        commitSoon.run();
      }
    } catch (IOException e) {
      lastWriteFailed = true;
      throw new Unavailable("the chunk index could not be written: " + e.getMessage(), null, e);
    }
  }

  <T> T read(SearcherFunction<T> function) {
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
  IndexSearcher acquire() throws IOException {
    long written = writeGeneration.get();
    if (refreshedGeneration.get() < written) {
      searchers.maybeRefreshBlocking();
      refreshedGeneration.accumulateAndGet(written, Math::max);
    }
    return searchers.acquire();
  }

  void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException("the chunk index could not release a searcher", e);
    }
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

  /** The index can take writes: its writer is open and has not hit a fatal error. */
  Optional<String> problem() {
    if (lastWriteFailed || !writer.isOpen() || writer.getTragicException() != null) {
      return Optional.of("the chunk index cannot be written");
    }
    return Optional.empty();
  }

  @Override
  public void close() throws IOException {
    commit();
    journal.close();
    searchers.close();
    writer.close();
    directory.close();
  }

  /** Stops as a killed process would: uncommitted changes are dropped, the journal stays. */
  void crash() throws IOException {
    journal.close();
    searchers.close();
    writer.rollback();
    directory.close();
  }
}
