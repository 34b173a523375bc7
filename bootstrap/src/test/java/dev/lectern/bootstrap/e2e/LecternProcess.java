package dev.lectern.bootstrap.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The fat JAR run as a separate process, as a user would run it. */
final class LecternProcess {
  /** Every server a test started: killed when the test JVM exits, even after a failed assertion. */
  private static final Set<Process> STARTED = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly)));
  }

  private final Process process;
  final int port;
  final Path log;

  private LecternProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty("lectern.jar", "target/lectern.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException("build the fat JAR first: " + jar.toAbsolutePath());
    }
    return jar;
  }

  static List<String> java(String... args) {
    return java(List.of(), args);
  }

  /**
   * The README's launch: a JVM that exits on running out of memory, for a supervisor to restart.
   */
  static List<String> java(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.addAll(jvmOptions);
    command.add("--add-modules");
    command.add("jdk.incubator.vector");
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    return command;
  }

  static LecternProcess start(Path dataDir, String... extraArgs) throws Exception {
    return start(List.of(), dataDir, extraArgs);
  }

  static LecternProcess start(List<String> jvmOptions, Path dataDir, String... extraArgs)
      throws Exception {
    int port = freePort();
    Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + port + ".log");
    List<String> args =
        new ArrayList<>(List.of("--port", String.valueOf(port), "--data-dir", dataDir.toString()));
    args.addAll(List.of(extraArgs));
    ProcessBuilder builder =
        new ProcessBuilder(java(jvmOptions, args.toArray(String[]::new)))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().remove("LECTERN_ADMIN_TOKEN");
    Process started = builder.start();
    STARTED.add(started);
    LecternProcess lectern = new LecternProcess(started, port, log);
    lectern.awaitHealthy(Duration.ofSeconds(60));
    return lectern;
  }

  /** Runs a CLI command against the data directory and returns its output. */
  static String cli(Path dataDir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(args));
    command.add("--data-dir");
    command.add(dataDir.toString());
    Process cli =
        new ProcessBuilder(java(command.toArray(String[]::new))).redirectErrorStream(true).start();
    String output = new String(cli.getInputStream().readAllBytes());
    if (cli.waitFor() != 0) {
      throw new AssertionError("CLI " + command + " failed:\n" + output);
    }
    return output;
  }

  boolean alive() {
    return process.isAlive();
  }

  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  int stop() throws InterruptedException {
    process.destroy();
    return process.waitFor();
  }

  String logText() throws IOException {
    return Files.readString(log);
  }

  private void awaitHealthy(Duration timeout) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("Lectern exited early:\n" + logText());
      }
      try {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Lectern did not become healthy:\n" + logText());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
