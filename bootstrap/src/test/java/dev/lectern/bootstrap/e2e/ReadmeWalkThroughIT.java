package dev.lectern.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.bootstrap.e2e.ReadmeWalkThrough.Step;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walk-through, run as written: its shell blocks in order, from a directory laid out
 * like the repository's root, against the fat JAR started as the README starts it. A command that
 * fails, or prints something of another shape than the README shows, fails the test.
 */
class ReadmeWalkThroughIT {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final List<String> TOOLS = List.of("bash", "curl", "jq", "python3");

  /** The root's copies and the data directory; the server's log is beside them. */
  private static final List<String> KEPT = List.of("samples", "bin", ".steps", "lectern-data");

  @TempDir Path work;

  @Test
  void everyStepPrintsWhatTheReadmeShows() throws Exception {
    run(ReadmeWalkThrough.WALK_THROUGH, 20);
  }

  @Test
  void theQuickStartPrintsWhatTheReadmeShows() throws Exception {
    run(ReadmeWalkThrough.QUICK_START, 2);
  }

  /** Runs a section on a fresh server, in a directory laid out like the repository's root. */
  private void run(String section, int leastSteps) throws Exception {
    requireTools();
    List<Step> steps =
        ReadmeWalkThrough.steps(Files.readString(ROOT.resolve("README.md")), section);
    assertThat(steps).hasSizeGreaterThan(leastSteps);
    copy(ROOT.resolve("samples"), work.resolve("samples"));
    copy(ROOT.resolve("bin"), work.resolve("bin"));
    Path out = Files.createDirectory(work.resolve(".steps"));
    int samplesPort = freePort();
    LecternProcess lectern =
        LecternProcess.start(work.resolve("lectern-data"), "--allow-private-uris");
    try {
      Path script = work.resolve(".steps/walk-through.sh");
      Files.writeString(script, script(steps, lectern.port, samplesPort, out));
      ProcessBuilder bash =
          new ProcessBuilder("bash", script.toString())
              .directory(work.toFile())
              .redirectErrorStream(true)
              .redirectOutput(out.resolve("bash.log").toFile());
      // The developer's own settings must not point the commands elsewhere.
      bash.environment().keySet().removeIf(name -> name.startsWith("LECTERN_"));
      bash.environment().put("LECTERN_JAR", LecternProcess.jar().toAbsolutePath().toString());
      Process run = bash.start();
      boolean finished = run.waitFor(180, TimeUnit.SECONDS);
      if (!finished) {
        run.descendants().forEach(ProcessHandle::destroyForcibly);
        run.destroyForcibly().waitFor();
      }
      assertThat(problems(steps, out, lectern.port, samplesPort)).as("README " + section).isEmpty();
      try (var left = Files.list(work)) {
        assertThat(left.map(path -> path.getFileName().toString()))
            .as("what the " + section + " left in the repository's root")
            .allMatch(name -> KEPT.contains(name) || name.startsWith("lectern-data-"));
      }
      assertThat(finished).as("the " + section + " finished within 180 s").isTrue();
    } finally {
      lectern.stop();
    }
  }

  /** One script running every step in one shell, each step's output and status kept apart. */
  static String script(List<Step> steps, int lecternPort, int samplesPort, Path out) {
    StringBuilder script = new StringBuilder();
    // Any failing command of a step fails it (and ends the run), not only its last one.
    script
        .append("set -eE -o pipefail\n")
        .append("trap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n")
        .append("trap 'echo $? >\"$STATUS\"' ERR\n");
    for (int i = 0; i < steps.size(); i++) {
      String code = onPorts(steps.get(i).code(), lecternPort, samplesPort);
      String file = out.resolve(String.valueOf(i)).toString();
      script
          .append("STATUS='")
          .append(file)
          .append(".status'\n")
          .append("{\n")
          .append(code)
          .append("} >'")
          .append(file)
          .append(".out' 2>'")
          .append(file)
          .append(".err'\n")
          .append("echo 0 >\"$STATUS\"\n");
    }
    return script.toString();
  }

  /** The README's text with the ports of this run instead of the usual ones. */
  static String onPorts(String text, int lecternPort, int samplesPort) {
    return text.replace("localhost:8080", "localhost:" + lecternPort)
        .replace("127.0.0.1:8000", "127.0.0.1:" + samplesPort)
        .replace("http.server 8000", "http.server " + samplesPort);
  }

  /** What went wrong, step by step; empty when every step ran and printed what is shown. */
  static List<String> problems(List<Step> steps, Path out, int lecternPort, int samplesPort)
      throws IOException {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      Path status = out.resolve(i + ".status");
      String where = "README line " + step.line() + ":\n" + step.code();
      if (!Files.exists(status)) {
        problems.add(
            where
                + (Files.exists(out.resolve(i + ".out"))
                    ? "did not finish; it printed: " + Files.readString(out.resolve(i + ".out"))
                    : "was not reached"));
        break;
      }
      String output = Files.readString(out.resolve(i + ".out"));
      String errors = Files.readString(out.resolve(i + ".err"));
      if (!Files.readString(status).strip().equals("0")) {
        problems.add(
            where
                + "failed with status "
                + Files.readString(status).strip()
                + "\noutput: "
                + output
                + "\nerrors: "
                + errors);
        break;
      }
      if (step.checksOutput()
          && !new Step(step.line(), step.code(), onPorts(step.shown(), lecternPort, samplesPort))
              .matches(output)) {
        problems.add(where + "shows:   " + step.shown() + "\nprinted: " + output);
      }
    }
    return problems;
  }

  private static void requireTools() throws Exception {
    List<String> missing = new ArrayList<>();
    for (String tool : TOOLS) {
      Process which = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
      if (which.waitFor() != 0) {
        missing.add(tool);
      }
    }
    assertThat(missing)
        .as("the README walk-through needs these on PATH (install them, e.g. with apt)")
        .isEmpty();
  }

  /** A copy of a directory of the repository, executable bits kept. */
  private static void copy(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(
            file,
            to.resolve(from.relativize(file).toString()),
            java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
