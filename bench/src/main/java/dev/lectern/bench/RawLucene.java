package dev.lectern.bench;

import dev.lectern.adapters.lucene.Analyzers;
import dev.lectern.adapters.lucene.ChunkDocuments;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.chunk.ChunkDraft;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.collection.Language;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The baseline: the same chunks, analyzer and stored fields as Lectern's index, written with a bare
 * {@code IndexWriter} (one commit at the end) and searched with a bare {@code IndexSearcher}.
 */
final class RawLucene implements Closeable {
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final Language language;
  private final Analyzer analyzer;
  private final String field;
  private DirectoryReader reader;
  private IndexSearcher searcher;

  RawLucene(Path path, Language language) throws IOException {
    this.directory = FSDirectory.open(path);
    IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField());
    config.setRAMBufferSizeMB(64);
    this.writer = new IndexWriter(directory, config);
    this.language = language;
    this.analyzer = Analyzers.forLanguage(language);
    this.field = Analyzers.bodyField(language);
  }

  /** Adds one document's chunks, as Lectern's index does for one artifact. */
  void add(String artifact, List<ChunkDraft> drafts) throws IOException {
    ArtifactKey key = new ArtifactKey("bench", new CollectionId("raw"), new ArtifactId(artifact));
    List<Document> documents = new ArrayList<>(drafts.size());
    for (ChunkDraft draft : drafts) {
      Chunk chunk =
          new Chunk(
              UUID.randomUUID().toString(),
              documents.size(),
              draft.text(),
              draft.tokenCount(),
              draft.headingPath(),
              List.of(),
              List.of(),
              true);
      documents.add(ChunkDocuments.of(key, 1, chunk, language));
    }
    writer.addDocuments(documents);
  }

  /** Makes everything added durable and searchable. */
  void commit() throws IOException {
    writer.commit();
    DirectoryReader fresh =
        reader == null
            ? DirectoryReader.open(writer)
            : DirectoryReader.openIfChanged(reader, writer);
    if (fresh != null) {
      if (reader != null) {
        reader.close();
      }
      reader = fresh;
      searcher = new IndexSearcher(reader);
    }
  }

  /** BM25 top-k, reading the stored text of every hit as an API must; returns artifact names. */
  List<String> search(String text, int k) throws IOException {
    Query query = new QueryBuilder(analyzer).createBooleanQuery(field, text);
    if (query == null) {
      return List.of();
    }
    TopDocs top = searcher.search(query, k);
    StoredFields stored = searcher.storedFields();
    List<String> artifacts = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc hit : top.scoreDocs) {
      Document doc = stored.document(hit.doc);
      if (doc.get("text") != null) {
        artifacts.add(doc.get("artifact"));
      }
    }
    return artifacts;
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
    writer.close();
    directory.close();
  }
}
