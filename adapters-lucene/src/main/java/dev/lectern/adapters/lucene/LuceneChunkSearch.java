package dev.lectern.adapters.lucene;

import dev.lectern.application.port.out.ChunkHit;
import dev.lectern.application.port.out.ChunkMatch;
import dev.lectern.application.port.out.ChunkQuery;
import dev.lectern.application.port.out.ChunkSearch;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.collection.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
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

/**
 * One BM25 search over one acquired searcher, released on {@link #close}. Scopes are grouped by
 * language; each group is one Lucene query whose scores are divided by the sum of the IDFs of its
 * terms (the most a BM25 document can score), so the groups merge on one 0..1 scale without
 * changing the order inside a group. Matches come from doc values; stored fields are read only for
 * the hits asked for.
 */
final class LuceneChunkSearch implements ChunkSearch {
  private static final Map<Language, Analyzer> ANALYZERS = new EnumMap<>(Language.class);

  static {
    for (Language language : Language.values()) {
      ANALYZERS.put(language, Analyzers.forLanguage(language));
    }
  }

  private static final Set<String> STORED_KEY_FIELDS =
      Set.of(LuceneChunkIndex.COLLECTION_ID, LuceneChunkIndex.ARTIFACT, LuceneChunkIndex.VERSION);

  /**
   * The language query a candidate came from, and its highlighter (null when not asked for): one
   * per query group, shared by its hits.
   */
  private record Group(Language language, Highlighter highlighter) {}

  private record Candidate(int doc, double score, Group group) {}

  private final IndexSearcher searcher;
  private final Runnable release;
  private final ChunkQuery query;
  private final List<Candidate> candidates;
  private final List<ChunkMatch> matches;

  private LuceneChunkSearch(IndexSearcher searcher, Runnable release, ChunkQuery query)
      throws IOException {
    this.searcher = searcher;
    this.release = release;
    this.query = query;
    this.candidates = candidates();
    this.matches = matches(candidates);
  }

  /** Searches; the searcher is released on close, or at once if the search fails. */
  static ChunkSearch open(IndexSearcher searcher, Runnable release, ChunkQuery query)
      throws IOException {
    try {
      return new LuceneChunkSearch(searcher, release, query);
    } catch (IOException | RuntimeException e) {
      release.run();
      throw e;
    }
  }

  @Override
  public List<ChunkMatch> matches() {
    return matches;
  }

  @Override
  public ChunkHit hit(int position) {
    Candidate candidate = candidates.get(position);
    try {
      Document doc = searcher.storedFields().document(candidate.doc());
      Chunk chunk = LuceneChunkIndex.chunk(doc);
      String highlighted = highlight(candidate.group(), chunk.text());
      ChunkMatch match = matches.get(position);
      return new ChunkHit(match.key(), match.version(), chunk, match.score(), highlighted);
    } catch (IOException e) {
      throw new UncheckedIOException("the chunk index could not be read", e);
    }
  }

  @Override
  public void close() {
    release.run();
  }

  private List<Candidate> candidates() throws IOException {
    if (query.limit() == 0 || query.scopes().isEmpty()) {
      return List.of();
    }
    Map<Language, List<ChunkQuery.Scope>> byLanguage = new EnumMap<>(Language.class);
    for (ChunkQuery.Scope scope : query.scopes()) {
      byLanguage.computeIfAbsent(scope.language(), l -> new ArrayList<>()).add(scope);
    }
    List<Candidate> found = new ArrayList<>();
    for (Map.Entry<Language, List<ChunkQuery.Scope>> group : byLanguage.entrySet()) {
      found.addAll(searchGroup(group.getKey(), group.getValue()));
    }
    if (byLanguage.size() > 1) {
      found.sort(Comparator.comparingDouble(Candidate::score).reversed());
    }
    return found.size() > query.limit() ? List.copyOf(found.subList(0, query.limit())) : found;
  }

  private List<Candidate> searchGroup(Language language, List<ChunkQuery.Scope> scopes)
      throws IOException {
    String field = Analyzers.bodyField(language);
    QueryTerms.Built built =
        QueryTerms.build(ANALYZERS.get(language), field, query.text(), searcher);
    Query text = built.query();
    double bound = built.bound();
    if (text == null || bound <= 0) {
      return List.of();
    }
    Query filtered =
        new BooleanQuery.Builder()
            .add(text, Occur.MUST)
            .add(scopeFilter(query.orgId(), scopes), Occur.FILTER)
            .add(new TermQuery(new Term(LuceneChunkIndex.AVAILABLE, "0")), Occur.MUST_NOT)
            .build();
    // A little under the caller's floor, so float rounding never drops a hit it would keep.
    float floor = (float) (query.minScore() * bound * 0.999);
    TopDocs top = searcher.search(filtered, new FloorCollectorManager(query.limit(), floor));
    Group group = new Group(language, query.highlight() ? highlighter(text) : null);
    List<Candidate> found = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc hit : top.scoreDocs) {
      found.add(new Candidate(hit.doc, Math.min(1.0, hit.score / bound), group));
    }
    return found;
  }

  /** Artifact and version of every candidate, read from doc values in doc id order. */
  private List<ChunkMatch> matches(List<Candidate> ranked) throws IOException {
    Integer[] order = new Integer[ranked.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> ranked.get(i).doc()));
    ChunkMatch[] matches = new ChunkMatch[ranked.size()];
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int leafIndex = -1;
    SortedDocValues keys = null;
    NumericDocValues versions = null;
    LeafReaderContext leaf = null;
    for (int i : order) {
      Candidate candidate = ranked.get(i);
      int leafOf = ReaderUtil.subIndex(candidate.doc(), leaves);
      if (leafOf != leafIndex) {
        leafIndex = leafOf;
        leaf = leaves.get(leafOf);
        keys = leaf.reader().getSortedDocValues(LuceneChunkIndex.MATCH_KEY);
        versions = leaf.reader().getNumericDocValues(LuceneChunkIndex.VERSION);
      }
      int local = candidate.doc() - leaf.docBase;
      ArtifactKey key;
      long version;
      if (keys != null
          && versions != null
          && keys.advanceExact(local)
          && versions.advanceExact(local)) {
        key = IndexKeys.parseMatch(query.orgId(), keys.lookupOrd(keys.ordValue()).utf8ToString());
        version = versions.longValue();
      } else {
        // Written before doc values were added: the stored fields say the same.
        Document doc = searcher.storedFields().document(candidate.doc(), STORED_KEY_FIELDS);
        key = LuceneChunkIndex.keyOf(doc, query.orgId());
        version = doc.getField(LuceneChunkIndex.VERSION).numericValue().longValue();
      }
      matches[i] = new ChunkMatch(key, version, candidate.score());
    }
    return List.of(matches);
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

  private static Highlighter highlighter(Query text) {
    Highlighter highlighter =
        new Highlighter(new SimpleHTMLFormatter("<em>", "</em>"), new QueryScorer(text));
    highlighter.setTextFragmenter(new NullFragmenter());
    highlighter.setMaxDocCharsToAnalyze(Integer.MAX_VALUE);
    return highlighter;
  }

  /** The text with its matches marked, or null when the query asked for no highlighting. */
  private static String highlight(Group group, String text) throws IOException {
    if (group.highlighter() == null) {
      return null;
    }
    try {
      String marked =
          group
              .highlighter()
              .getBestFragment(
                  ANALYZERS.get(group.language()), Analyzers.bodyField(group.language()), text);
      return marked == null ? text : marked;
    } catch (InvalidTokenOffsetsException e) {
      return text;
    }
  }
}
