package dev.lectern.adapters.lucene;

import dev.lectern.application.port.out.ChunkHit;
import dev.lectern.application.port.out.ChunkQuery;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.collection.Language;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * BM25 search over one searcher. Scopes are grouped by language; each group is one Lucene query
 * whose scores are divided by the sum of the IDFs of its terms (the most a BM25 document can
 * score), so the groups merge on one 0..1 scale without changing the order inside a group.
 */
final class LuceneChunkSearch {
  private static final Map<Language, Analyzer> ANALYZERS = new EnumMap<>(Language.class);

  static {
    for (Language language : Language.values()) {
      ANALYZERS.put(language, Analyzers.forLanguage(language));
    }
  }

  private final IndexSearcher searcher;

  LuceneChunkSearch(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  List<ChunkHit> search(ChunkQuery query) throws IOException {
    Map<Language, List<ChunkQuery.Scope>> byLanguage = new EnumMap<>(Language.class);
    for (ChunkQuery.Scope scope : query.scopes()) {
      byLanguage.computeIfAbsent(scope.language(), l -> new ArrayList<>()).add(scope);
    }
    List<ChunkHit> hits = new ArrayList<>();
    for (Map.Entry<Language, List<ChunkQuery.Scope>> group : byLanguage.entrySet()) {
      hits.addAll(searchGroup(query, group.getKey(), group.getValue()));
    }
    if (byLanguage.size() > 1) {
      hits.sort(Comparator.comparingDouble(ChunkHit::score).reversed());
    }
    return hits.size() > query.limit() ? List.copyOf(hits.subList(0, query.limit())) : hits;
  }

  private List<ChunkHit> searchGroup(
      ChunkQuery query, Language language, List<ChunkQuery.Scope> scopes) throws IOException {
    String field = Analyzers.bodyField(language);
    Analyzer analyzer = ANALYZERS.get(language);
    Query text = new QueryBuilder(analyzer).createBooleanQuery(field, query.text());
    if (text == null) {
      return List.of();
    }
    double bound = maximumScore(text, field);
    if (bound <= 0) {
      return List.of();
    }
    Query filtered =
        new BooleanQuery.Builder()
            .add(text, Occur.MUST)
            .add(scopeFilter(query.orgId(), scopes), Occur.FILTER)
            .add(new TermQuery(new Term(LuceneChunkIndex.AVAILABLE, "0")), Occur.MUST_NOT)
            .build();
    TopDocs top = searcher.search(filtered, query.limit());
    Highlighter highlighter = query.highlight() ? highlighter(text) : null;
    StoredFields stored = searcher.storedFields();
    List<ChunkHit> hits = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc hit : top.scoreDocs) {
      Document doc = stored.document(hit.doc);
      ArtifactKey key = LuceneChunkIndex.keyOf(doc, query.orgId());
      var chunk = LuceneChunkIndex.chunk(doc);
      String highlighted =
          highlighter == null ? null : highlight(highlighter, analyzer, field, chunk.text());
      long version = doc.getField(LuceneChunkIndex.VERSION).numericValue().longValue();
      hits.add(new ChunkHit(key, version, chunk, Math.min(1.0, hit.score / bound), highlighted));
    }
    return hits;
  }

  private static Query scopeFilter(String orgId, List<ChunkQuery.Scope> scopes) {
    List<BytesRef> collections = new ArrayList<>();
    List<BytesRef> artifacts = new ArrayList<>();
    for (ChunkQuery.Scope scope : scopes) {
      if (scope.artifactIds() == null) {
        collections.add(new BytesRef(IndexKeys.collection(orgId, scope.collectionId())));
      } else {
        for (ArtifactId id : scope.artifactIds()) {
          artifacts.add(
              new BytesRef(IndexKeys.artifact(new ArtifactKey(orgId, scope.collectionId(), id))));
        }
      }
    }
    BooleanQuery.Builder filter = new BooleanQuery.Builder();
    if (!collections.isEmpty()) {
      filter.add(new TermInSetQuery(LuceneChunkIndex.COLLECTION, collections), Occur.SHOULD);
    }
    if (!artifacts.isEmpty()) {
      filter.add(new TermInSetQuery(LuceneChunkIndex.ARTIFACT_KEY, artifacts), Occur.SHOULD);
    }
    return filter.build();
  }

  /** Sum over the query's terms (repeats included) of their BM25 IDF; unseen terms add nothing. */
  private double maximumScore(Query text, String field) throws IOException {
    CollectionStatistics stats = searcher.collectionStatistics(field);
    if (stats == null) {
      return 0;
    }
    long docCount = stats.docCount();
    List<Term> terms = new ArrayList<>();
    text.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query query, Term... found) {
            terms.addAll(List.of(found));
          }

          @Override
          public QueryVisitor getSubVisitor(Occur occur, Query parent) {
            return this;
          }
        });
    double bound = 0;
    for (Term term : terms) {
      int docFreq = searcher.getIndexReader().docFreq(term);
      if (docFreq > 0) {
        bound += Math.log(1 + (docCount - docFreq + 0.5D) / (docFreq + 0.5D));
      }
    }
    return bound;
  }

  private static Highlighter highlighter(Query text) {
    Highlighter highlighter =
        new Highlighter(new SimpleHTMLFormatter("<em>", "</em>"), new QueryScorer(text));
    highlighter.setTextFragmenter(new NullFragmenter());
    highlighter.setMaxDocCharsToAnalyze(Integer.MAX_VALUE);
    return highlighter;
  }

  private static String highlight(
      Highlighter highlighter, Analyzer analyzer, String field, String text) throws IOException {
    try {
      String marked = highlighter.getBestFragment(analyzer, field, text);
      return marked == null ? text : marked;
    } catch (InvalidTokenOffsetsException e) {
      return text;
    }
  }
}
