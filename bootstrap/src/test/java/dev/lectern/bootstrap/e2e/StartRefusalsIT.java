package dev.lectern.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second server on a data directory in use, or on a port in use, stops at once with one line
 * saying why, before it creates or seeds anything. (That a killed server's lock goes with it is
 * {@link KillAndRestartIT}'s restart on the same directory.)
 */
class StartRefusalsIT {
  @TempDir Path dir;

  private record Exit(int status, String output) {}

  private static Exit run(String... args) throws Exception {
    Process process =
        new ProcessBuilder(LecternProcess.java(args)).redirectErrorStream(true).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the second server kept running");
    }
    String output = new String(process.getInputStream().readAllBytes());
    // The JVM's own note on the vector module is not Lectern's to say.
    return new Exit(
        process.exitValue(), output.replaceAll("(?m)^WARNING: Using incubator modules: .*\\R", ""));
  }

  @Test
  void aDataDirectoryOrAPortInUseIsNamedAndNothingIsCreated() throws Exception {
    Path data = dir.resolve("data");
    LecternProcess first = LecternProcess.start(data);
    try {
      long pid = Long.parseLong(Files.readString(data.resolve("lectern.lock")).strip());
      assertThat(ProcessHandle.of(pid)).isPresent();

      // Started as the first one was, on its port too: the data directory is what is named.
      Exit sameDirectory = run("--port", String.valueOf(first.port), "--data-dir", data.toString());
      assertThat(sameDirectory.status()).isEqualTo(1);
      assertThat(sameDirectory.output())
          .isEqualTo(
              "error: another Lectern process (pid "
                  + pid
                  + ") is using the data directory "
                  + data
                  + "; stop it first, or give this one another --data-dir\n");
      assertThat(first.alive()).isTrue();

      Path fresh = dir.resolve("fresh");
      Exit samePort = run("--port", String.valueOf(first.port), "--data-dir", fresh.toString());
      assertThat(samePort.status()).isEqualTo(1);
      assertThat(samePort.output())
          .startsWith("error: cannot listen on 127.0.0.1:" + first.port + " (")
          .endsWith(
              "another process may be using the port; stop it or choose another with --port\n");
      assertThat(fresh).doesNotExist();
    } finally {
      first.stop();
    }
  }
}
