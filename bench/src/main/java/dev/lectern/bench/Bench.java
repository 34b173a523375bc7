package dev.lectern.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark: starts Lectern on a temporary data directory, measures its HTTP APIs next to raw
 * Lucene on the same data in the same run, and prints one table (and writes it as JSON).
 */
@Command(
    name = "lectern-bench",
    mixinStandardHelpOptions = true,
    description = "Measure Lectern's HTTP APIs against a raw Lucene baseline, in one run.")
public final class Bench implements Callable<Integer> {
  @Option(
      names = "--chunks",
      defaultValue = "100000",
      description = "Largest corpus size in chunks; steps are 10 000, 100 000, 1 000 000 up to it.")
  int chunks;

  @Option(names = "--clients", defaultValue = "8", description = "Concurrent clients.")
  int clients;

  @Option(
      names = "--queries",
      defaultValue = "4000",
      description = "Measured queries per endpoint and step (after as many for warm-up).")
  int queries;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic corpus.")
  long seed;

  @Option(
      names = "--chunk-tokens",
      defaultValue = "256",
      description = "chunk_token_num of the synthetic dataset (cl100k tokens).")
  int chunkTokens;

  @Option(
      names = "--scifact",
      defaultValue = "../shared/data/scifact-2101",
      description = "SciFact-2101 directory for the quality measure; skipped if absent.")
  Path scifact;

  @Option(
      names = "--scifact-chunk-tokens",
      defaultValue = "2048",
      description =
          "chunk_token_num of the SciFact dataset (chosen on the train queries: one chunk per"
              + " abstract).")
  int scifactChunkTokens;

  @Option(
      names = "--quality-only",
      description = "Measure only start-up and retrieval quality (skips the synthetic corpus).")
  boolean qualityOnly;

  @Option(
      names = "--hostile",
      description =
          "Measure hostile inputs instead: ingest time of pathological documents, and chunked"
              + " content over 5 x 45 MiB read from a server on a 512 MiB heap.")
  boolean hostile;

  @Option(
      names = "--chat-only",
      description = "Measure only the chat row (streaming through /messages from a loopback LLM).")
  boolean chatOnly;

  @Option(names = "--out", defaultValue = "bench-results.json", description = "JSON output.")
  Path out;

  @Option(names = "--work-dir", description = "Where data goes (default: a new temp directory).")
  Path workDir;

  @Option(
      names = "--server-jar",
      description =
          "Run this Lectern JAR instead of the server classes inside the benchmark (to compare"
              + " two builds with the same load).")
  Path serverJar;

  @Option(
      names = "--server-jvm",
      split = " ",
      description = "Extra JVM options for the Lectern process (e.g. a JFR recording).")
  List<String> serverJvm = new ArrayList<>();

  public static void main(String[] args) {
    System.exit(new CommandLine(new Bench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (chunks < 1 || clients < 1 || queries < 1 || chunkTokens < 1) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--chunks, --clients, --queries and --chunk-tokens must be >= 1");
    }
    Path work =
        workDir != null
            ? Files.createDirectories(workDir)
            : Files.createTempDirectory("lectern-bench");
    Report report = new Report();
    report.parameter("chunks", chunks);
    report.parameter("clients", clients);
    report.parameter("queries", queries);
    report.parameter("seed", seed);
    report.parameter("chunk_tokens", chunkTokens);
    report.parameter("cores", Runtime.getRuntime().availableProcessors());
    report.parameter("java", System.getProperty("java.version"));
    report.parameter("work_dir", work.toString());
    System.out.println("lectern-bench: work directory " + work);
    if (hostile) {
      new HostileRun(this, work, report).run();
    } else if (chatOnly) {
      new ChatRun(this, work, report).run();
    } else {
      new BenchRun(this, work, report).run();
    }
    System.out.println();
    report.print(System.out);
    report.write(out);
    System.out.println("JSON written to " + out.toAbsolutePath());
    return 0;
  }

  /** The corpus sizes measured: every power of ten from 10 000 below the largest, then it. */
  static List<Integer> steps(int largest) {
    List<Integer> steps = new ArrayList<>();
    for (long step = 10_000; step < largest; step *= 10) {
      steps.add((int) step);
    }
    steps.add(largest);
    return steps;
  }
}
