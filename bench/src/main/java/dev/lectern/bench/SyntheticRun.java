package dev.lectern.bench;

import dev.lectern.adapters.lucene.Cl100kChunker;
import dev.lectern.domain.chunk.ChunkDraft;
import dev.lectern.domain.collection.Language;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The scaling steps over the synthetic corpus: at each step the next documents are ingested into
 * raw Lucene and through Zylon's sync ingest, then the same queries run against raw Lucene, RAGFlow
 * {@code /retrieval} and Zylon {@code primitives/search}.
 */
final class SyntheticRun {
  private static final int TOP = 10;
  private static final int WARM_UP_OFFSET = 10_000_000;

  private final Bench options;
  private final Path work;
  private final Report report;
  private final Api api;
  private final ServerProcess server;
  private final Corpus corpus;
  private final Cl100kChunker chunker = new Cl100kChunker();
  private long rawIndexBytes;

  private record Prepared(Corpus.Document document, List<ChunkDraft> chunks) {}

  SyntheticRun(Bench options, Path work, Report report, Api api, ServerProcess server) {
    this.options = options;
    this.work = work;
    this.report = report;
    this.api = api;
    this.server = server;
    this.corpus = new Corpus(options.seed);
  }

  long rawIndexBytes() {
    return rawIndexBytes;
  }

  /** Runs every step; returns the chunks indexed in the end. */
  long run() throws Exception {
    String dataset = api.createDataset("bench-synthetic", "Multilingual", options.chunkTokens);
    Path rawPath = work.resolve("raw-index");
    long total = 0;
    int nextDocument = 0;
    try (RawLucene raw = new RawLucene(rawPath, Language.MULTILINGUAL)) {
      for (int step : Bench.steps(options.chunks)) {
        List<Prepared> batch = new ArrayList<>();
        long batchChunks = 0;
        while (total + batchChunks < step) {
          Corpus.Document document = corpus.document(nextDocument++);
          List<ChunkDraft> chunks = chunker.split(document.text(), options.chunkTokens);
          batch.add(new Prepared(document, chunks));
          batchChunks += chunks.size();
        }
        total += batchChunks;
        String group = label(total);
        System.out.printf("step %s: %d documents, %d chunks%n", group, batch.size(), batchChunks);
        ingest(group, dataset, raw, batch, batchChunks);
        long served = api.datasetChunkCount(dataset);
        if (served != total) {
          report.note(group + ": Lectern reports " + served + " chunks, the bench split " + total);
        }
        retrieve(group, dataset, raw, step >= 100_000 && step < 1_000_000);
      }
    }
    rawIndexBytes = Measure.directoryBytes(rawPath);
    return total;
  }

  private void ingest(
      String group, String dataset, RawLucene raw, List<Prepared> batch, long chunks)
      throws Exception {
    int clients = options.clients;
    long began = System.nanoTime();
    Measure.concurrently(
        clients, batch.size(), i -> raw.add(batch.get(i).document().name(), batch.get(i).chunks()));
    raw.commit();
    double rawRate = chunks / ((System.nanoTime() - began) / 1e9);
    double cpuBefore = server.cpuSeconds();
    Measure.Run http =
        Measure.concurrently(
            clients,
            batch.size(),
            i -> {
              Corpus.Document document = batch.get(i).document();
              api.ingest(dataset, document.name(), document.name() + ".txt", document.text());
            });
    double httpRate = chunks / http.seconds();
    double cpu = server.cpuSeconds() - cpuBefore;
    report.add(
        group,
        "ingest chunks/s (Zylon sync, " + clients + " clients)",
        "chunk/s",
        httpRate,
        rawRate,
        ">= 0.25 x raw",
        httpRate >= 0.25 * rawRate);
    report.add(group, "ingest request p50 (~2 KB document)", "ms", http.p50Millis(), null);
    report.add(group, "ingest server CPU per document", "ms", cpu * 1000 / batch.size(), null);
    report.add(group, "ingest request p99", "ms", http.p99Millis(), null);
  }

  private void retrieve(String group, String dataset, RawLucene raw, boolean targets)
      throws Exception {
    int count = options.queries;
    List<String> measured = queries(0, count);
    List<String> warmUp = queries(WARM_UP_OFFSET, count);
    int clients = options.clients;
    Measure.concurrently(clients, count, i -> raw.search(warmUp.get(i), TOP));
    Measure.Run rawRun =
        Measure.concurrently(clients, count, i -> raw.search(measured.get(i), TOP));
    Measure.concurrently(clients, count, i -> api.retrieval(dataset, warmUp.get(i), TOP, 0.2));
    double cpu = server.cpuSeconds();
    Measure.Run ragflow =
        Measure.concurrently(
            clients, count, i -> api.retrieval(dataset, measured.get(i), TOP, 0.2));
    double ragflowCpu = server.cpuSeconds() - cpu;
    Measure.concurrently(clients, count, i -> api.search(dataset, warmUp.get(i), TOP));
    cpu = server.cpuSeconds();
    Measure.Run zylon =
        Measure.concurrently(clients, count, i -> api.search(dataset, measured.get(i), TOP));
    double zylonCpu = server.cpuSeconds() - cpu;
    latencyRows(group, "RAGFlow /retrieval", ragflow, rawRun, targets);
    report.add(
        group, "RAGFlow /retrieval server CPU per query", "ms", ragflowCpu * 1000 / count, null);
    latencyRows(group, "Zylon primitives/search", zylon, rawRun, targets);
    report.add(
        group, "Zylon primitives/search server CPU per query", "ms", zylonCpu * 1000 / count, null);
    report.add(
        group,
        "top-10 agreement of Zylon search with raw",
        "share",
        agreement(raw, dataset, measured),
        null);
  }

  private void latencyRows(
      String group, String endpoint, Measure.Run api, Measure.Run raw, boolean targets) {
    String clients = " (" + options.clients + " clients)";
    if (targets) {
      report.add(
          group,
          endpoint + " p50" + clients,
          "ms",
          api.p50Millis(),
          raw.p50Millis(),
          "<= 5",
          api.p50Millis() <= 5);
      report.add(
          group,
          endpoint + " p99" + clients,
          "ms",
          api.p99Millis(),
          raw.p99Millis(),
          "<= 25",
          api.p99Millis() <= 25);
    } else {
      report.add(group, endpoint + " p50" + clients, "ms", api.p50Millis(), raw.p50Millis());
      report.add(group, endpoint + " p99" + clients, "ms", api.p99Millis(), raw.p99Millis());
    }
    report.add(group, endpoint + " throughput", "query/s", api.perSecond(), raw.perSecond());
  }

  /** Mean share of raw Lucene's top-10 documents that Zylon search also returns. */
  private double agreement(RawLucene raw, String dataset, List<String> queries) throws Exception {
    double sum = 0;
    int counted = 0;
    for (String query : queries.subList(0, Math.min(200, queries.size()))) {
      Set<String> expected = new HashSet<>(raw.search(query, TOP));
      if (expected.isEmpty()) {
        continue;
      }
      Set<String> found = new HashSet<>();
      for (var hit : Api.parse(api.search(dataset, query, TOP)).path("data")) {
        found.add(hit.path("document").path("artifact").asText());
      }
      found.retainAll(expected);
      sum += (double) found.size() / expected.size();
      counted++;
    }
    return counted == 0 ? 0 : sum / counted;
  }

  private List<String> queries(int offset, int count) {
    List<String> queries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      queries.add(corpus.query(offset + i));
    }
    return queries;
  }

  private static String label(long chunks) {
    return chunks >= 1_000_000 && chunks % 1_000_000 == 0
        ? chunks / 1_000_000 + "M chunks"
        : chunks >= 1000 ? Math.round(chunks / 1000.0) + "k chunks" : chunks + " chunks";
  }
}
