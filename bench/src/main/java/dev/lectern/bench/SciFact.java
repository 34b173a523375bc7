package dev.lectern.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The SciFact-2101 retrieval-quality set (BEIR layout) and its two measures. */
final class SciFact {
  record Query(String id, String text, String split) {}

  /** Ranks corpus ids for a query text, best first. */
  @FunctionalInterface
  interface Ranker {
    List<String> rank(String text) throws Exception;
  }

  /** Mean measures over a set of queries. */
  record Scores(double ndcgAt10, double recallAt100, int queries) {}

  final Map<String, String> corpus;
  final List<Query> queries;
  final Map<String, Set<String>> relevant;

  private SciFact(Map<String, String> corpus, List<Query> queries, Map<String, Set<String>> rel) {
    this.corpus = corpus;
    this.queries = queries;
    this.relevant = rel;
  }

  static SciFact load(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> corpus = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dir.resolve("corpus.jsonl"))) {
      if (!line.isBlank()) {
        JsonNode doc = json.readTree(line);
        corpus.put(doc.get("_id").asText(), doc.get("text").asText());
      }
    }
    List<Query> queries = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("queries.jsonl"))) {
      if (!line.isBlank()) {
        JsonNode query = json.readTree(line);
        queries.add(
            new Query(
                query.get("_id").asText(),
                query.get("text").asText(),
                query.get("split").asText()));
      }
    }
    Map<String, Set<String>> relevant = new HashMap<>();
    List<String> qrels = Files.readAllLines(dir.resolve("qrels.tsv"));
    for (String line : qrels.subList(1, qrels.size())) {
      String[] cells = line.split("\t");
      if (cells.length >= 3 && Integer.parseInt(cells[2].trim()) > 0) {
        relevant.computeIfAbsent(cells[0], k -> new HashSet<>()).add(cells[1]);
      }
    }
    return new SciFact(corpus, queries, relevant);
  }

  /** Scores a ranker on the queries of a split ("train", "test") or on all of them (null). */
  Scores score(Ranker ranker, String split) throws Exception {
    double ndcg = 0;
    double recall = 0;
    int count = 0;
    for (Query query : queries) {
      if (split != null && !split.equals(query.split())) {
        continue;
      }
      Set<String> wanted = relevant.getOrDefault(query.id(), Set.of());
      List<String> ranked = ranker.rank(query.text());
      ndcg += ndcg(ranked, wanted, 10);
      recall += recall(ranked, wanted, 100);
      count++;
    }
    return new Scores(count == 0 ? 0 : ndcg / count, count == 0 ? 0 : recall / count, count);
  }

  /** nDCG@k with binary relevance. */
  static double ndcg(List<String> ranked, Set<String> relevant, int k) {
    if (relevant.isEmpty()) {
      return 0;
    }
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (relevant.contains(ranked.get(i))) {
        dcg += 1 / log2(i + 2);
      }
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(k, relevant.size()); i++) {
      ideal += 1 / log2(i + 2);
    }
    return dcg / ideal;
  }

  static double recall(List<String> ranked, Set<String> relevant, int k) {
    if (relevant.isEmpty()) {
      return 0;
    }
    long found = ranked.stream().limit(k).filter(relevant::contains).count();
    return (double) found / relevant.size();
  }

  private static double log2(double value) {
    return Math.log(value) / Math.log(2);
  }
}
