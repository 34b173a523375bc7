package dev.lectern.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI against a data directory with no server running. */
class CliTest {
  @TempDir Path dir;

  private record Result(int exit, String out, String err) {}

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new LecternCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + e.getMessage());
          return 1;
        });
    String[] withDir = new String[args.length + 2];
    System.arraycopy(args, 0, withDir, 0, args.length);
    withDir[args.length] = "--data-dir";
    withDir[args.length + 1] = dir.resolve("data").toString();
    return new Result(cli.execute(withDir), out.toString(), err.toString());
  }

  @Test
  void firstUsePrintsTheAdminTokenOnceAndWritesItPrivately() throws Exception {
    Result first = run("org", "list");
    assertThat(first.exit()).isZero();
    Path tokenFile = dir.resolve("data/admin-token");
    String secret = Files.readString(tokenFile).strip();
    assertThat(first.out()).contains("Super-admin token (shown once").contains(secret);
    assertThat(first.out()).contains("default");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
        .isEqualTo("rw-------");

    Result second = run("org", "list");
    assertThat(second.out()).doesNotContain(secret).doesNotContain("Super-admin token");
  }

  @Test
  void orgsAndTokensAreCreatedListedAndRevoked() {
    assertThat(run("org", "create", "acme").out()).contains("Created org acme");
    assertThat(run("org", "list").out()).contains("acme").contains("default");

    Result created = run("token", "create", "--name", "ci-bot", "--org", "acme");
    assertThat(created.exit()).isZero();
    assertThat(created.out())
        .contains("(scope org, org acme)")
        .containsPattern("lct_[A-Za-z0-9_-]{43}");
    String id =
        created
            .out()
            .lines()
            .filter(l -> l.startsWith("Token "))
            .findFirst()
            .orElseThrow()
            .split(" ")[1];

    String list = run("token", "list").out();
    assertThat(list).contains(id).contains("ci-bot").contains("acme").contains("active");
    assertThat(list).doesNotContain("lct_");

    assertThat(run("token", "revoke", id).out()).contains("Revoked " + id);
    assertThat(run("token", "list").out()).contains("revoked");
  }

  @Test
  void mistakesExitNonZeroWithAMessage() {
    assertThat(run("org", "create", "Not A Slug").err()).contains("error: org slug must be");
    run("org", "create", "dup");
    Result duplicate = run("org", "create", "dup");
    assertThat(duplicate.exit()).isEqualTo(1);
    assertThat(duplicate.err()).contains("org 'dup' already exists");
    assertThat(run("token", "create", "--name", "x", "--org", "ghost").err())
        .contains("org 'ghost' not found");
    assertThat(run("token", "create", "--name", "x", "--scope", "root").err())
        .contains("--scope must be super or org");
    assertThat(run("token", "revoke", "no-such-id").err()).contains("no active token");
    assertThat(run("token", "create").exit()).isNotZero();
  }
}
