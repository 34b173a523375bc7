package dev.lectern.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Lectern started the way a user starts it: its own JVM, on a fresh data directory, launched from
 * the classes of this JAR. A separate process is what lets start-up time and RSS be measured.
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final Path dataDir;
  private final int port;
  private final long startupNanos;

  private ServerProcess(Process process, Path dataDir, int port, long startupNanos) {
    this.process = process;
    this.dataDir = dataDir;
    this.port = port;
    this.startupNanos = startupNanos;
  }

  /**
   * Starts Lectern from {@code jar}, or from this JAR's classes when it is null, and waits for its
   * first 200 on /health.
   */
  static ServerProcess start(Path dataDir, Path log, List<String> jvmOptions, Path jar)
      throws Exception {
    return start(dataDir, log, jvmOptions, jar, List.of());
  }

  /** {@link #start} with further {@code serve} flags. */
  static ServerProcess start(
      Path dataDir, Path log, List<String> jvmOptions, Path jar, List<String> serveFlags)
      throws Exception {
    int port = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    Stream<String> program =
        jar == null
            ? Stream.of("-cp", System.getProperty("java.class.path"), "dev.lectern.bootstrap.Main")
            : Stream.of("-jar", jar.toString());
    List<String> command =
        Stream.of(
                Stream.of(
                    java, "-XX:+ExitOnOutOfMemoryError", "--add-modules", "jdk.incubator.vector"),
                jvmOptions.stream(),
                program,
                Stream.of(
                    "serve", "--port", String.valueOf(port), "--data-dir", dataDir.toString()),
                serveFlags.stream())
            .flatMap(s -> s)
            .toList();
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove("LECTERN_ADMIN_TOKEN");
    long began = System.nanoTime();
    Process process = builder.start();
    awaitHealthy(process, port, log);
    return new ServerProcess(process, dataDir, port, System.nanoTime() - began);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** From launching the JVM to the first 200 on /health. */
  double startupMillis() {
    return startupNanos / 1e6;
  }

  String adminToken() throws IOException {
    return Files.readString(dataDir.resolve("admin-token")).strip();
  }

  /** Resident set size of the server process, from /proc; -1 where /proc is missing. */
  long rssBytes() throws IOException {
    Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
    if (!Files.exists(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.trim().split("\\s+");
        return Long.parseLong(parts[1]) * 1024;
      }
    }
    return -1;
  }

  /** CPU time (user + system) the server process has used so far; -1 where /proc is missing. */
  double cpuSeconds() throws IOException {
    Path stat = Path.of("/proc", String.valueOf(process.pid()), "stat");
    if (!Files.exists(stat)) {
      return -1;
    }
    String text = Files.readString(stat);
    String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
    // After the command name: state is field 3, utime 14 and stime 15 (1-based, man proc).
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return ticks / 100.0;
  }

  /** Bytes of the Lucene index on disk. */
  long indexBytes() throws IOException {
    return Measure.directoryBytes(dataDir.resolve("index"));
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  private static void awaitHealthy(Process process, int port, Path log) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Lectern exited early:\n" + Files.readString(log));
      }
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(5);
    }
    process.destroyForcibly();
    throw new IllegalStateException("Lectern did not answer /health:\n" + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
