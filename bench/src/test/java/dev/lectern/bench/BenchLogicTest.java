package dev.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The benchmark's own logic; the benchmark itself runs from its JAR, not from the tests. */
class BenchLogicTest {
  @Test
  void theCorpusIsTheSameForTheSameSeedAndDiffersForAnother() {
    Corpus corpus = new Corpus(42);
    assertThat(corpus.document(7)).isEqualTo(new Corpus(42).document(7));
    assertThat(corpus.query(3)).isEqualTo(new Corpus(42).query(3));
    assertThat(corpus.document(7).text()).isNotEqualTo(new Corpus(43).document(7).text());
  }

  @Test
  void documentsAreAboutTwoKilobytesAndQueriesOneToThreeWords() {
    Corpus corpus = new Corpus(1);
    for (int i = 0; i < 50; i++) {
      int bytes =
          corpus.document(i).text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      assertThat(bytes).isBetween(Corpus.DOCUMENT_BYTES, Corpus.DOCUMENT_BYTES * 2);
      String query = corpus.query(i);
      assertThat(query.split(" ")).hasSizeBetween(1, 3);
    }
  }

  @Test
  void everyLanguageAppearsInTheCorpus() {
    Corpus corpus = new Corpus(5);
    Set<Vocabulary> seen = new java.util.HashSet<>();
    for (int i = 0; i < 200; i++) {
      seen.add(corpus.document(i).language());
    }
    assertThat(seen).containsExactlyInAnyOrder(Vocabulary.values());
  }

  @Test
  void zipfFavoursLowRanksInProportion() {
    Zipf zipf = new Zipf(1000, 1.0);
    SplittableRandom random = new SplittableRandom(9);
    int[] counts = new int[1000];
    for (int i = 0; i < 200_000; i++) {
      counts[zipf.next(random)]++;
    }
    assertThat((double) counts[0] / counts[1]).isCloseTo(2.0, within(0.15));
    assertThat((double) counts[0] / counts[9]).isCloseTo(10.0, within(1.5));
  }

  @Test
  void ndcgAndRecallFollowTheirDefinitions() {
    Set<String> relevant = Set.of("a", "b");
    assertThat(SciFact.ndcg(List.of("a", "b", "x"), relevant, 10)).isEqualTo(1.0);
    double expected = (1 / log2(3)) / (1 + 1 / log2(3));
    assertThat(SciFact.ndcg(List.of("x", "a"), relevant, 10)).isCloseTo(expected, within(1e-9));
    assertThat(SciFact.ndcg(List.of("x", "a"), relevant, 1)).isZero();
    assertThat(SciFact.recall(List.of("x", "a"), relevant, 100)).isEqualTo(0.5);
    assertThat(SciFact.recall(List.of("x", "a"), relevant, 1)).isZero();
  }

  @Test
  void percentilesAreNearestRank() {
    long[] nanos = new long[100];
    for (int i = 0; i < 100; i++) {
      nanos[i] = (i + 1) * 1_000_000L;
    }
    assertThat(Measure.percentile(nanos, 0.50)).isEqualTo(50.0);
    assertThat(Measure.percentile(nanos, 0.99)).isEqualTo(99.0);
    assertThat(Measure.summarise(nanos, 1.0).perSecond()).isEqualTo(100.0);
  }

  @Test
  void stepsArePowersOfTenUpToTheLargest() {
    assertThat(Bench.steps(100_000)).containsExactly(10_000, 100_000);
    assertThat(Bench.steps(1_000_000)).containsExactly(10_000, 100_000, 1_000_000);
    assertThat(Bench.steps(25_000)).containsExactly(10_000, 25_000);
    assertThat(Bench.steps(5_000)).containsExactly(5_000);
  }

  @Test
  void aReportRowsRatioIsLecternOverRaw() {
    Report report = new Report();
    report.add("g", "m", "ms", 4, 2.0, "<= 5", true);
    report.add("g", "n", "ms", 4, null);
    assertThat(report.rows().get(0).ratio()).isEqualTo(2.0);
    assertThat(report.rows().get(1).ratio()).isNull();
  }

  private static double log2(double value) {
    return Math.log(value) / Math.log(2);
  }
}
