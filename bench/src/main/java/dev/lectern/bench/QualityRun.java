package dev.lectern.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.domain.chunk.ChunkDraft;
import dev.lectern.domain.collection.Language;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Retrieval quality on SciFact-2101: the abstracts go in through Zylon ingest into an English
 * RAGFlow dataset, the claims are asked through RAGFlow {@code /retrieval}; raw Lucene indexes the
 * same abstracts with the same analyzer and ranks them with BM25.
 */
final class QualityRun {
  private static final int RANKED = 100;

  /** Chunks asked for per query, so that 100 distinct abstracts remain after merging chunks. */
  private static final int CHUNKS_ASKED = 300;

  private final Bench options;
  private final Path work;
  private final Report report;
  private final Api api;

  QualityRun(Bench options, Path work, Report report, Api api) {
    this.options = options;
    this.work = work;
    this.report = report;
    this.api = api;
  }

  void run() throws Exception {
    SciFact data = SciFact.load(options.scifact);
    System.out.printf(
        "quality: %d abstracts, %d queries%n", data.corpus.size(), data.queries.size());
    String dataset = api.createDataset("scifact-2101", "English", options.scifactChunkTokens);
    List<Map.Entry<String, String>> abstracts = new ArrayList<>(data.corpus.entrySet());
    Measure.concurrently(
        options.clients,
        abstracts.size(),
        i -> {
          Map.Entry<String, String> entry = abstracts.get(i);
          api.ingest(dataset, "sf-" + entry.getKey(), entry.getKey() + ".txt", entry.getValue());
        });
    try (RawLucene raw = new RawLucene(work.resolve("raw-scifact"), Language.ENGLISH)) {
      for (Map.Entry<String, String> entry : abstracts) {
        raw.add(entry.getKey(), List.of(new ChunkDraft(entry.getValue(), 0, List.of())));
      }
      raw.commit();
      SciFact.Ranker viaApi = text -> rankThroughApi(dataset, text);
      SciFact.Ranker viaRaw = text -> raw.search(text, RANKED);
      for (String split : new String[] {null, "test", "train"}) {
        SciFact.Scores lectern = data.score(viaApi, split);
        SciFact.Scores lucene = data.score(viaRaw, split);
        String name = (split == null ? "all" : split) + " " + lectern.queries() + " queries";
        quality("nDCG@10, " + name, lectern.ndcgAt10(), lucene.ndcgAt10(), split == null);
        quality("recall@100, " + name, lectern.recallAt100(), lucene.recallAt100(), split == null);
      }
    }
  }

  private void quality(String metric, double lectern, double raw, boolean target) {
    if (target) {
      report.add("quality", metric, "score", lectern, raw, "ratio >= 1.0", lectern >= raw - 1e-9);
    } else {
      report.add("quality", metric, "score", lectern, raw);
    }
  }

  /** The abstracts of the retrieved chunks, best chunk first, each abstract once. */
  private List<String> rankThroughApi(String dataset, String text) throws Exception {
    JsonNode answer = Api.parse(api.retrieval(dataset, text, CHUNKS_ASKED, 0));
    Set<String> ranked = new LinkedHashSet<>();
    for (JsonNode chunk : answer.path("data").path("chunks")) {
      String name = chunk.path("document_keyword").asText();
      ranked.add(name.endsWith(".txt") ? name.substring(0, name.length() - 4) : name);
      if (ranked.size() == RANKED) {
        break;
      }
    }
    return List.copyOf(ranked);
  }
}
