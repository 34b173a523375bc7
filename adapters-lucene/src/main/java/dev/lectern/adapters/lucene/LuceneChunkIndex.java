package dev.lectern.adapters.lucene;

import dev.lectern.application.error.Unavailable;
import dev.lectern.application.port.out.ChunkIndex;
import dev.lectern.application.port.out.ChunkQuery;
import dev.lectern.application.port.out.ChunkSearch;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.collection.Language;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
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
 * Adapter: the chunk index as one Lucene index on disk. Writes are committed before they return
 * (concurrent writers share commits), and any read that starts after a write returns sees it.
 */
public final class LuceneChunkIndex implements ChunkIndex, Closeable {
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

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Object commitLock = new Object();
  private long committedSeq = -1;

  /**
   * Readers are refreshed lazily: a write only bumps {@code writeGeneration}; the next read reopens
   * the searcher if a write finished since the last reopen. Many writes between two reads cost one
   * reopen, and a read after a write still sees it.
   */
  private final AtomicLong writeGeneration = new AtomicLong();

  private final AtomicLong refreshedGeneration = new AtomicLong();

  private LuceneChunkIndex(Directory directory, IndexWriter writer) throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
  }

  public static LuceneChunkIndex open(Path path) {
    try {
      Directory directory = FSDirectory.open(path);
      IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField());
      config.setRAMBufferSizeMB(64);
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      return new LuceneChunkIndex(directory, new IndexWriter(directory, config));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the chunk index at " + path, e);
    }
  }

  @Override
  public void replace(ArtifactKey key, long version, List<Chunk> chunks, Language language) {
    List<Document> documents = new ArrayList<>(chunks.size());
    for (Chunk chunk : chunks) {
      documents.add(ChunkDocuments.of(key, version, chunk, language));
    }
    Term artifact = new Term(ARTIFACT_KEY, IndexKeys.artifact(key));
    // An update with no documents upsets IndexWriter's flush accounting: delete instead.
    write(
        () ->
            documents.isEmpty()
                ? writer.deleteDocuments(artifact)
                : writer.updateDocuments(artifact, documents));
  }

  @Override
  public void delete(ArtifactKey key) {
    write(() -> writer.deleteDocuments(new Term(ARTIFACT_KEY, IndexKeys.artifact(key))));
  }

  @Override
  public void deleteCollection(String orgId, CollectionId collectionId) {
    write(
        () ->
            writer.deleteDocuments(
                new Term(COLLECTION, IndexKeys.collection(orgId, collectionId))));
  }

  @Override
  public void deleteVersion(ArtifactKey key, long version) {
    write(() -> writer.deleteDocuments(new Term(VERSION_KEY, IndexKeys.version(key, version))));
  }

  @Override
  public List<Chunk> chunksOf(ArtifactKey key) {
    TermQuery query = new TermQuery(new Term(ARTIFACT_KEY, IndexKeys.artifact(key)));
    return read(
        searcher -> {
          int count = searcher.count(query);
          if (count == 0) {
            return List.of();
          }
          TopDocs top =
              searcher.search(query, count, new Sort(new SortField(POSITION, SortField.Type.INT)));
          StoredFields stored = searcher.storedFields();
          List<Chunk> chunks = new ArrayList<>(top.scoreDocs.length);
          for (ScoreDoc hit : top.scoreDocs) {
            chunks.add(chunk(stored.document(hit.doc)));
          }
          return chunks;
        });
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

  /** Number of live chunks in the index; for diagnostics and tests. */
  public int size() {
    return read(searcher -> searcher.getIndexReader().numDocs());
  }

  @Override
  public void close() throws IOException {
    searchers.close();
    writer.close();
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
  private interface IndexOperation {
    long apply() throws IOException;
  }

  @FunctionalInterface
  private interface SearcherFunction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /** Applies the change, makes it durable (sharing a commit with concurrent writers), refreshes. */
  private void write(IndexOperation operation) {
    try {
      long seq = operation.apply();
      synchronized (commitLock) {
        if (committedSeq < seq) {
          committedSeq = Math.max(committedSeq, writer.commit());
        }
      }
      writeGeneration.incrementAndGet();
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
