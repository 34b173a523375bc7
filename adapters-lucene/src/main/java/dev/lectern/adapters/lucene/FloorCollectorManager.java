package dev.lectern.adapters.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.FilterScorable;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Top-k collection for callers that drop every hit under a score floor and never read the total:
 * the scorers are told from the first document on that nothing under the floor competes, so
 * block-max pruning skips those documents, and hits are not counted past {@code k}. The hits at or
 * above the floor are exactly those plain top-k collection would return.
 */
final class FloorCollectorManager implements CollectorManager<Collector, TopDocs> {
  private final TopScoreDocCollectorManager topK;
  private final float floor;
  private final List<TopScoreDocCollector> collectors = new ArrayList<>();

  FloorCollectorManager(int k, float floor) {
    this.topK = new TopScoreDocCollectorManager(k, k);
    this.floor = floor;
  }

  @Override
  public Collector newCollector() {
    TopScoreDocCollector collector = topK.newCollector();
    collectors.add(collector);
    return new FilterCollector(collector) {
      @Override
      public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        return new FilterLeafCollector(super.getLeafCollector(context)) {
          @Override
          public void setScorer(Scorable scorer) throws IOException {
            Scorable floored = new Floored(scorer, floor);
            floored.setMinCompetitiveScore(0);
            in.setScorer(floored);
          }
        };
      }
    };
  }

  @Override
  public TopDocs reduce(Collection<Collector> ignored) throws IOException {
    return topK.reduce(collectors);
  }

  /** Passes on competitive-score hints, never lower than the floor. */
  private static final class Floored extends FilterScorable {
    private final float floor;

    Floored(Scorable in, float floor) {
      super(in);
      this.floor = floor;
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      in.setMinCompetitiveScore(Math.max(minScore, floor));
    }
  }
}
