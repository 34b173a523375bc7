package dev.lectern.adapters.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The BM25 query of a text: one optional clause per distinct analysed term, weighted by how often
 * the term occurs (as many repeated clauses would be), and the most any document can score for it
 * (the weighted sum of the terms' IDFs). A text with more distinct terms than Lucene's clause limit
 * keeps the most informative ones, rarest first; terms no document holds add nothing and are left
 * out.
 */
final class QueryTerms {
  /** Terms read from one query text at most; the rest of a giant text is not analysed. */
  static final int MAX_ANALYSED_TOKENS = 50_000;

  /** Clauses left for the filters beside the text query. */
  private static final int RESERVED_CLAUSES = 16;

  /** A query and its score bound; the query is null when the text has no term any chunk holds. */
  record Built(Query query, double bound) {}

  private record Weighted(BytesRef term, int count, int docFreq) {}

  private QueryTerms() {}

  static Built build(Analyzer analyzer, String field, String text, IndexSearcher searcher)
      throws IOException {
    Map<BytesRef, Integer> counts = analyse(analyzer, field, text);
    CollectionStatistics stats = searcher.collectionStatistics(field);
    if (counts.isEmpty() || stats == null) {
      return new Built(null, 0);
    }
    List<Weighted> terms = new ArrayList<>(counts.size());
    for (Map.Entry<BytesRef, Integer> entry : counts.entrySet()) {
      int docFreq = searcher.getIndexReader().docFreq(new Term(field, entry.getKey()));
      if (docFreq > 0) {
        terms.add(new Weighted(entry.getKey(), entry.getValue(), docFreq));
      }
    }
    int limit = Math.max(1, IndexSearcher.getMaxClauseCount() - RESERVED_CLAUSES);
    if (terms.size() > limit) {
      terms.sort(Comparator.comparingInt(Weighted::docFreq));
      terms = terms.subList(0, limit);
    }
    if (terms.isEmpty()) {
      return new Built(null, 0);
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    double bound = 0;
    for (Weighted weighted : terms) {
      Query clause = new TermQuery(new Term(field, weighted.term()));
      query.add(
          weighted.count() == 1 ? clause : new BoostQuery(clause, weighted.count()), Occur.SHOULD);
      bound += weighted.count() * idf(stats.docCount(), weighted.docFreq());
    }
    return new Built(query.build(), bound);
  }

  /** BM25's IDF, as Lucene's BM25Similarity computes it. */
  private static double idf(long docCount, long docFreq) {
    return Math.log(1 + (docCount - docFreq + 0.5D) / (docFreq + 0.5D));
  }

  /** Each distinct term of the text with how often it occurs, in order of first occurrence. */
  private static Map<BytesRef, Integer> analyse(Analyzer analyzer, String field, String text)
      throws IOException {
    Map<BytesRef, Integer> counts = new LinkedHashMap<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      TermToBytesRefAttribute term = stream.addAttribute(TermToBytesRefAttribute.class);
      stream.reset();
      int read = 0;
      while (read < MAX_ANALYSED_TOKENS && stream.incrementToken()) {
        counts.merge(BytesRef.deepCopyOf(term.getBytesRef()), 1, Integer::sum);
        read++;
      }
      stream.end();
    }
    return counts;
  }
}
