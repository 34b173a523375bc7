package dev.lectern.adapters.lucene;

import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.collection.Language;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene document of one chunk: what the index stores and analyses. Public so that a baseline
 * (the benchmark's raw Lucene run) can index exactly the same fields.
 */
public final class ChunkDocuments {
  private ChunkDocuments() {}

  public static Document of(ArtifactKey key, long version, Chunk chunk, Language language) {
    Document doc = new Document();
    doc.add(new StringField(LuceneChunkIndex.ID, chunk.id(), Field.Store.YES));
    doc.add(new StringField(LuceneChunkIndex.ORG, key.orgId(), Field.Store.NO));
    doc.add(
        new StringField(
            LuceneChunkIndex.COLLECTION,
            IndexKeys.collection(key.orgId(), key.collectionId()),
            Field.Store.NO));
    doc.add(new StoredField(LuceneChunkIndex.COLLECTION_ID, key.collectionId().value()));
    doc.add(new StoredField(LuceneChunkIndex.ARTIFACT, key.artifactId().value()));
    doc.add(
        new StringField(LuceneChunkIndex.ARTIFACT_KEY, IndexKeys.artifact(key), Field.Store.NO));
    doc.add(
        new StringField(
            LuceneChunkIndex.VERSION_KEY, IndexKeys.version(key, version), Field.Store.NO));
    doc.add(new StoredField(LuceneChunkIndex.VERSION, version));
    // Doc values let a search rank and check thousands of hits without reading stored fields.
    doc.add(new NumericDocValuesField(LuceneChunkIndex.VERSION, version));
    doc.add(
        new SortedDocValuesField(
            LuceneChunkIndex.MATCH_KEY,
            new BytesRef(IndexKeys.match(key.collectionId(), key.artifactId()))));
    doc.add(new NumericDocValuesField(LuceneChunkIndex.POSITION, chunk.position()));
    doc.add(new StoredField(LuceneChunkIndex.POSITION, chunk.position()));
    doc.add(new StoredField(LuceneChunkIndex.TEXT, chunk.text()));
    doc.add(new TextField(Analyzers.bodyField(language), chunk.text(), Field.Store.NO));
    doc.add(new StoredField(LuceneChunkIndex.TOKENS, chunk.tokenCount()));
    for (String heading : chunk.headingPath()) {
      doc.add(new StoredField(LuceneChunkIndex.HEADING, heading));
    }
    // Keywords and questions are searchable like the text; they are kept apart for display.
    for (String keyword : chunk.keywords()) {
      doc.add(new StoredField(LuceneChunkIndex.KEYWORD, keyword));
      doc.add(new TextField(Analyzers.bodyField(language), keyword, Field.Store.NO));
    }
    for (String question : chunk.questions()) {
      doc.add(new StoredField(LuceneChunkIndex.QUESTION, question));
      doc.add(new TextField(Analyzers.bodyField(language), question, Field.Store.NO));
    }
    doc.add(
        new StringField(
            LuceneChunkIndex.AVAILABLE, chunk.available() ? "1" : "0", Field.Store.YES));
    return doc;
  }
}
