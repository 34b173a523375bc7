package dev.lectern.adapters.llm.extractive;

import dev.lectern.domain.conversation.Reference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Policy: which sentences of the passages answer a question best, by BM25 over the sentences (each
 * sentence a document): the best one, and up to two more scoring at least half as well.
 */
final class SentenceRanking {
  static final int MAX_QUOTES = 3;
  private static final double K1 = 1.2;
  private static final double B = 0.75;
  private static final double KEEP_RATIO = 0.5;

  /** A sentence to quote and the index of the passage it comes from. */
  record Quote(String sentence, int passage, double score) {}

  private record Candidate(String sentence, int passage, List<String> terms) {}

  private SentenceRanking() {}

  static List<Quote> best(String question, List<Reference> passages) {
    Set<String> asked = new LinkedHashSet<>(Terms.of(question));
    if (asked.isEmpty()) {
      return List.of();
    }
    List<Candidate> candidates = new ArrayList<>();
    Map<String, Integer> documentFrequency = new HashMap<>();
    long totalLength = 0;
    for (int p = 0; p < passages.size(); p++) {
      for (String sentence : Sentences.of(passages.get(p).snippet())) {
        List<String> terms = Terms.of(sentence);
        candidates.add(new Candidate(sentence, p, terms));
        totalLength += terms.size();
        for (String term : new HashSet<>(terms)) {
          documentFrequency.merge(term, 1, Integer::sum);
        }
      }
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    double averageLength = Math.max(1.0, (double) totalLength / candidates.size());
    List<Quote> scored = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Candidate candidate : candidates) {
      double score = score(candidate, asked, documentFrequency, candidates.size(), averageLength);
      if (score > 0 && seen.add(candidate.sentence())) {
        scored.add(new Quote(candidate.sentence(), candidate.passage(), score));
      }
    }
    // Stable: equal scores keep the passages' order.
    scored.sort(Comparator.comparingDouble(Quote::score).reversed());
    List<Quote> kept = new ArrayList<>();
    for (Quote quote : scored) {
      if (kept.size() == MAX_QUOTES || quote.score() < scored.get(0).score() * KEEP_RATIO) {
        break;
      }
      kept.add(quote);
    }
    return kept;
  }

  private static double score(
      Candidate candidate,
      Set<String> asked,
      Map<String, Integer> documentFrequency,
      int documents,
      double averageLength) {
    Map<String, Integer> frequency = new HashMap<>();
    for (String term : candidate.terms()) {
      frequency.merge(term, 1, Integer::sum);
    }
    double norm = K1 * (1 - B + B * candidate.terms().size() / averageLength);
    double score = 0;
    for (String term : asked) {
      Integer tf = frequency.get(term);
      if (tf != null) {
        int df = documentFrequency.get(term);
        double idf = Math.log(1 + (documents - df + 0.5) / (df + 0.5));
        score += idf * tf * (K1 + 1) / (tf + norm);
      }
    }
    return score;
  }
}
