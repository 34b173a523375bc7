package dev.lectern.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The chat row: a loopback OpenAI-compatible upstream streams 1 000 tokens; Lectern's Zylon {@code
 * /messages} passes them on. Time to the first piece of text through Lectern next to the upstream's
 * own, and tokens per second at 8 concurrent streams next to the upstream alone.
 */
final class ChatRun {
  static final int TOKENS = 1000;
  static final int STREAMS = 8;
  private static final String UPSTREAM_BODY =
      "{\"model\":\"fake\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Tell a long"
          + " story.\"}]}";
  private static final String MESSAGES_BODY =
      "{\"model\":\"default\",\"stream\":true,\"max_tokens\":2000,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"Tell a long story.\"}]}";

  private final Bench options;
  private final Path work;
  private final Report report;

  ChatRun(Bench options, Path work, Report report) {
    this.options = options;
    this.work = work;
    this.report = report;
  }

  void run() throws Exception {
    int rounds = Math.max(50, Math.min(400, options.queries / 10));
    try (FakeLlm upstream = new FakeLlm(TOKENS)) {
      String direct = upstream.baseUrl() + "/v1/chat/completions";
      System.out.println("starting Lectern (chat, upstream " + upstream.baseUrl() + ")");
      try (ServerProcess server =
          ServerProcess.start(
              work.resolve("lectern-chat-data"),
              work.resolve("lectern-chat.log"),
              options.serverJvm,
              options.serverJar,
              List.of("--llm-base-url", upstream.baseUrl(), "--llm-model", "fake"))) {
        String messages = server.baseUrl() + "/api/gpt/v1/messages";
        String token = server.adminToken();
        Streams raw = () -> new StreamTiming.Client(direct, null);
        Streams lectern = () -> new StreamTiming.Client(messages, token);
        String rawMarker = "\"content\":\"";
        String lecternMarker = "\"text_delta\"";
        long[][] first;
        try (StreamTiming.Client rawClient = raw.client();
            StreamTiming.Client lecternClient = lectern.client()) {
          Stream rawOnce = () -> rawClient.post(UPSTREAM_BODY, rawMarker);
          Stream lecternOnce = () -> lecternClient.post(MESSAGES_BODY, lecternMarker);
          check(rawOnce.once(), "upstream");
          check(lecternOnce.once(), "Lectern");
          // Warm-up, then alternate the two so that neither gets a quieter machine.
          firstPieces(rawOnce, lecternOnce, rounds);
          first = firstPieces(rawOnce, lecternOnce, rounds);
        }
        double rawP50 = Measure.percentile(sorted(first[0]), 0.5);
        double lecternP50 = Measure.percentile(sorted(first[1]), 0.5);
        double overhead = lecternP50 - rawP50;
        report.add("chat", "time to first token p50 (1 stream)", "ms", lecternP50, rawP50);
        report.add(
            "chat",
            "time to first token p99 (1 stream)",
            "ms",
            Measure.percentile(sorted(first[1]), 0.99),
            Measure.percentile(sorted(first[0]), 0.99));
        report.add(
            "chat", "first-token overhead p50", "ms", overhead, null, "<= 5 ms", overhead <= 5);

        int perClient = Math.max(3, rounds / 20);
        throughput(raw, UPSTREAM_BODY, rawMarker, perClient);
        throughput(lectern, MESSAGES_BODY, lecternMarker, perClient);
        double rawRate = throughput(raw, UPSTREAM_BODY, rawMarker, perClient);
        double lecternRate = throughput(lectern, MESSAGES_BODY, lecternMarker, perClient);
        report.add(
            "chat",
            "tokens/s passed on (" + STREAMS + " streams)",
            "token/s",
            lecternRate,
            rawRate,
            ">= 0.9 x raw",
            lecternRate >= 0.9 * rawRate);
        report.note(
            "chat: 'raw' is the loopback upstream read directly; it streams "
                + TOKENS
                + " one-token pieces per answer, each flushed; clients keep their connections alive, as SDKs do; first-token figures over "
                + rounds
                + " sequential streams each.");
      }
    }
  }

  /** One streamed answer, timed. */
  private interface Stream {
    StreamTiming once() throws Exception;
  }

  /** A new kept-alive client of one endpoint. */
  private interface Streams {
    StreamTiming.Client client();
  }

  private static void check(StreamTiming timing, String what) {
    if (timing.tokens() != TOKENS) {
      throw new IllegalStateException(
          what + " passed on " + timing.tokens() + " tokens, not " + TOKENS);
    }
  }

  private static long[][] firstPieces(Stream raw, Stream lectern, int rounds) throws Exception {
    long[][] first = new long[2][rounds];
    for (int i = 0; i < rounds; i++) {
      first[0][i] = raw.once().firstNanos();
      first[1][i] = lectern.once().firstNanos();
    }
    return first;
  }

  /** Tokens per second over {@link #STREAMS} concurrent clients, each reading streams in turn. */
  private static double throughput(Streams streams, String body, String marker, int perClient)
      throws Exception {
    long began = System.nanoTime();
    long tokens = 0;
    try (ExecutorService pool = Executors.newFixedThreadPool(STREAMS)) {
      List<Future<Long>> clients = new ArrayList<>();
      for (int c = 0; c < STREAMS; c++) {
        clients.add(
            pool.submit(
                () -> {
                  long count = 0;
                  try (StreamTiming.Client client = streams.client()) {
                    for (int i = 0; i < perClient; i++) {
                      count += client.post(body, marker).tokens();
                    }
                  }
                  return count;
                }));
      }
      for (Future<Long> client : clients) {
        tokens += client.get();
      }
    }
    return tokens / ((System.nanoTime() - began) / 1e9);
  }

  private static long[] sorted(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }
}
