package dev.lectern.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** One run: footprint, the scaling steps over the synthetic corpus, then retrieval quality. */
final class BenchRun {
  private static final double MB = 1024.0 * 1024.0;

  private final Bench options;
  private final Path work;
  private final Report report;

  BenchRun(Bench options, Path work, Report report) {
    this.options = options;
    this.work = work;
    this.report = report;
  }

  void run() throws Exception {
    Path data = work.resolve("lectern-data");
    long chunksIndexed;
    try (ServerProcess server = start(data, "first")) {
      startAndIdle(server, "empty");
      try (Api api = new Api(server.baseUrl(), server.adminToken())) {
        transportFloor(api);
        chunksIndexed = 0;
        if (!options.qualityOnly) {
          SyntheticRun synthetic = new SyntheticRun(options, work, report, api, server);
          chunksIndexed = synthetic.run();
          report.add("footprint", "RSS after ingest + queries", "MB", server.rssBytes() / MB, null);
          report.add(
              "footprint",
              "index bytes per chunk",
              "B",
              (double) server.indexBytes() / chunksIndexed,
              (double) synthetic.rawIndexBytes() / chunksIndexed);
        }
        if (Files.isDirectory(options.scifact)) {
          new QualityRun(options, work, report, api).run();
        } else {
          report.note("retrieval quality skipped: no SciFact data at " + options.scifact);
        }
      }
    }
    try (ServerProcess restarted = start(data, "restart")) {
      startAndIdle(restarted, chunksIndexed + " chunks");
    }
    new ChatRun(options, work, report).run();
  }

  /** Start-up time, and RSS once the server has been idle for two seconds. */
  private void startAndIdle(ServerProcess server, String state) throws Exception {
    double startup = server.startupMillis();
    report.add(
        "footprint",
        "start to first /health 200 (" + state + ")",
        "ms",
        startup,
        null,
        "<= 3000",
        startup <= 3000);
    Thread.sleep(2000);
    double idle = server.rssBytes() / MB;
    report.add("footprint", "RSS idle (" + state + ")", "MB", idle, null, "<= 300", idle <= 300);
  }

  /** GET /health from the same clients: the share of any latency that is HTTP alone. */
  private void transportFloor(Api api) throws Exception {
    int count = options.queries;
    Measure.concurrently(options.clients, count, i -> api.health());
    Measure.Run health = Measure.concurrently(options.clients, count, i -> api.health());
    String clients = " (" + options.clients + " clients)";
    report.add("transport", "GET /health p50" + clients, "ms", health.p50Millis(), null);
    report.add("transport", "GET /health p99" + clients, "ms", health.p99Millis(), null);
    report.add("transport", "GET /health throughput", "query/s", health.perSecond(), null);
  }

  private ServerProcess start(Path data, String name) throws Exception {
    System.out.println("starting Lectern (" + name + ")");
    return ServerProcess.start(
        data, work.resolve("lectern-" + name + ".log"), options.serverJvm, options.serverJar);
  }
}
