package dev.lectern.bench;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --hostile}: documents built to be slow or large. Times the sync ingest of a 1 MiB word, of
 * 20 MiB nested markdown lists and of 20 MiB of prose (median of three, after a warm-up); then
 * ingests five 45 MiB documents, restarts the server on a 512 MiB heap with a GC log, and reads
 * their chunked content in 50-token chunks as a stream, reporting its size, time and the heap the
 * server used meanwhile.
 */
final class HostileRun {
  private static final int MIB = 1024 * 1024;
  private static final Pattern GC_PAUSE =
      Pattern.compile(
          "\\[[^]]*]\\[info]\\[gc\\s*] GC\\(\\d+\\) Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private final Bench options;
  private final Path work;
  private final Report report;
  private final Corpus corpus;

  HostileRun(Bench options, Path work, Report report) {
    this.options = options;
    this.work = work;
    this.report = report;
    this.corpus = new Corpus(options.seed);
  }

  void run() throws Exception {
    Path data = work.resolve("hostile-data");
    try (ServerProcess server = start(data, "hostile", List.of());
        Api api = new Api(server.baseUrl(), server.adminToken())) {
      for (int i = 0; i < 3; i++) {
        api.ingest("warm-up", "w" + i, "w.txt", prose(MIB, 1000 + i));
      }
      timed(api, "1 MiB single word", "word.txt", i -> word(MIB, i));
      timed(api, "20 MiB nested list, one level deeper per line", "list.md", i -> deepList(i));
      timed(api, "20 MiB nested list, 50 levels cycling", "list.md", i -> cycledList(i));
      timed(api, "20 MiB prose (four scripts)", "prose.txt", i -> prose(20 * MIB, 2000 + i));
      long began = System.nanoTime();
      for (int k = 0; k < 5; k++) {
        api.ingest("big", "vol" + k, "vol" + k + ".txt", prose(45 * MIB, 3000 + k));
      }
      report.add(
          "hostile", "ingest 5 x 45 MiB prose", "s", (System.nanoTime() - began) / 1e9, null);
    }
    Path gcLog = work.resolve("small-heap-gc.log");
    List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-Xlog:gc:file=" + gcLog));
    boolean completed = false;
    try (ServerProcess small = start(data, "small-heap", jvm)) {
      chunkedContent(small);
      completed = true;
    } catch (IOException e) {
      // A build that holds the whole answer in memory runs out of heap here and exits.
      report.note("the chunked-content read on the 512 MiB heap failed: " + e);
    }
    heapUse(gcLog, completed);
  }

  @FunctionalInterface
  private interface Text {
    String make(int round);
  }

  private void timed(Api api, String label, String fileName, Text text) throws Exception {
    double[] seconds = new double[3];
    for (int i = 0; i < seconds.length; i++) {
      String document = text.make(i);
      long began = System.nanoTime();
      api.ingest("hostile", "doc-" + label.hashCode() + "-" + i, fileName, document);
      seconds[i] = (System.nanoTime() - began) / 1e9;
    }
    Arrays.sort(seconds);
    System.out.printf(
        "hostile: %s %.2f / %.2f / %.2f s%n", label, seconds[0], seconds[1], seconds[2]);
    report.add("hostile", "sync ingest, " + label + " (median of 3)", "s", seconds[1], null);
  }

  private void chunkedContent(ServerProcess server) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/api/gpt/v1/artifacts/chunked-content"))
            .header("Authorization", "Bearer " + server.adminToken())
            .header("Content-Type", "application/json")
            .timeout(Duration.ofMinutes(20))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"context_filter\":{\"collection\":\"big\"},\"max_tokens\":50}"))
            .build();
    long began = System.nanoTime();
    HttpResponse<InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long bytes = drain(response.body());
    double seconds = (System.nanoTime() - began) / 1e9;
    if (response.statusCode() != 200) {
      throw new IOException("chunked-content answered HTTP " + response.statusCode());
    }
    HttpResponse<String> health =
        client.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    report.add(
        "hostile", "chunked-content over 5 x 45 MiB, 50 tokens: streamed", "MB", bytes / 1e6, null);
    report.add("hostile", "chunked-content over 5 x 45 MiB, 50 tokens: time", "s", seconds, null);
    report.note("after the chunked-content read, /health answered " + health.body());
  }

  private static long drain(InputStream body) throws IOException {
    long total = 0;
    byte[] buffer = new byte[256 * 1024];
    try (InputStream in = new FilterInputStream(body) {}) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
      }
    }
    return total;
  }

  /** The heap of the small-heap server while it served the read: peak in use and peak live. */
  private void heapUse(Path gcLog, boolean completed) throws IOException {
    int inUse = 0;
    int live = 0;
    for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
      Matcher pause = GC_PAUSE.matcher(line);
      if (pause.find()) {
        inUse = Math.max(inUse, Integer.parseInt(pause.group(1)));
        live = Math.max(live, Integer.parseInt(pause.group(2)));
      }
    }
    report.add(
        "hostile", "512 MiB-heap server: heap in use at most (before GC)", "MB", inUse, null);
    report.add(
        "hostile",
        "512 MiB-heap server: heap live at most (after GC)",
        "MB",
        live,
        null,
        "< 512",
        live < 512);
  }

  /** One word of random letters. */
  private static String word(int length, int round) {
    SplittableRandom random = new SplittableRandom(round);
    StringBuilder word = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  /** A list where every item is one level deeper than the one before. */
  private static String deepList(int round) {
    StringBuilder list = new StringBuilder(20 * MIB + 64);
    for (int depth = 0; list.length() < 20 * MIB; depth++) {
      list.append("  ".repeat(depth))
          .append("- item ")
          .append(depth)
          .append(' ')
          .append(round)
          .append('\n');
    }
    return list.toString();
  }

  /** A list nested 50 levels deep, again and again. */
  private static String cycledList(int round) {
    StringBuilder list = new StringBuilder(20 * MIB + 64);
    for (int line = 0; list.length() < 20 * MIB; line++) {
      list.append("  ".repeat(line % 50))
          .append("- item ")
          .append(line)
          .append(' ')
          .append(round)
          .append('\n');
    }
    return list.toString();
  }

  /**
   * Paragraphs of the synthetic corpus, starting at document {@code first}: {@code bytes} of UTF-8.
   */
  private String prose(int bytes, int first) {
    StringBuilder text = new StringBuilder(bytes + 4096);
    long size = 0;
    for (int i = first * 100_000; ; i++) {
      String paragraph = corpus.document(i).text() + "\n\n";
      int length = paragraph.getBytes(StandardCharsets.UTF_8).length;
      if (size + length > bytes) {
        return text.toString();
      }
      text.append(paragraph);
      size += length;
    }
  }

  private ServerProcess start(Path data, String name, List<String> extraJvm) throws Exception {
    System.out.println("starting Lectern (" + name + ")");
    List<String> jvm = new ArrayList<>(options.serverJvm);
    jvm.addAll(extraJvm);
    return ServerProcess.start(
        data, work.resolve("lectern-" + name + ".log"), jvm, options.serverJar);
  }
}
