package dev.lectern.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI, through the JAR's entry point, against a data directory with no server running. */
class CliTest {
  @TempDir Path dir;

  private record Result(int exit, String out, String err) {}

  /** A command line with this test's data directory, run through the JAR's entry point. */
  private Result run(String... args) {
    String[] withDir = new String[args.length + 2];
    System.arraycopy(args, 0, withDir, 0, args.length);
    withDir[args.length] = "--data-dir";
    withDir[args.length + 1] = dir.resolve("data").toString();
    return bare(withDir);
  }

  private static Result bare(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = EntryPoint.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(exit, out.toString(), err.toString());
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

  @Test
  void assistantsAndTheirKeysAreManagedFromTheCommandLine() {
    run("org", "list"); // the first use prints the admin token
    Result created = run("assistant", "create", "--name", "Support", "--opener", "Hi there");
    assertThat(created.exit()).as(created.err()).isZero();
    String id = created.out().split(" ")[2];
    assertThat(created.out()).isEqualTo("Created assistant " + id + " (Support)\n");

    assertThat(run("assistant", "list").out()).contains(id).contains("Support").contains("private");
    Result key = run("assistant", "key", "create", id, "--name", "widget");
    assertThat(key.exit()).as(key.err()).isZero();
    assertThat(key.out()).contains("Secret (shown once): lct_");
    String keyId = key.out().split(" ")[1];

    Result shown = run("assistant", "show", id);
    assertThat(shown.out())
        .contains("name:           Support")
        .contains("opener:         Hi there")
        .contains(keyId + "  widget  active");

    assertThat(shown.out())
        .contains("/api/v1/cloud-ai/agents/" + id)
        .contains("POST /v1/chat/completions");
    assertThat(run("assistant", "update", id, "--access", "public", "--status", "suspended").out())
        .isEqualTo("Assistant " + id + ": public, suspended\n");
    assertThat(run("assistant", "update", id, "--status", "sleepy").err()).contains("--status");
    assertThat(run("assistant", "key", "revoke", id, keyId).exit()).isZero();
    assertThat(run("assistant", "show", id).out()).contains(keyId + "  widget  revoked");

    Result missing = run("assistant", "create", "--name", "Other", "--collection", "nowhere");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("collection 'nowhere' not found");
    Result taken = run("assistant", "create", "--name", "support");
    assertThat(taken.exit()).isEqualTo(1);
    assertThat(taken.err()).contains("already exists");

    assertThat(run("assistant", "delete", id).out()).isEqualTo("Deleted assistant " + id + "\n");
    assertThat(run("assistant", "show", id).err()).contains("not found");
  }

  @Test
  void helpNamesEveryCommandAndTellsOneOfThem() {
    Result help = bare("help");
    assertThat(help.exit()).as(help.err()).isZero();
    assertThat(help.out()).contains("serve", "token", "org", "assistant", "help");

    Result assistant = bare("help", "assistant");
    assertThat(assistant.exit()).as(assistant.err()).isZero();
    assertThat(assistant.out())
        .contains("Usage: lectern assistant")
        .contains("create", "list", "show", "update", "delete", "key")
        .doesNotContain("--max-body-bytes");
    assertThat(bare("assistant", "--help").out()).isEqualTo(assistant.out());
  }

  @Test
  void anUnknownCommandIsRefusedInOneLineNamingTheCommands() {
    Result unknown = run("assistants", "list");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.out()).isEmpty();
    assertThat(unknown.err())
        .isEqualTo(
            "error: no command 'assistants' (did you mean assistant?); the commands are serve,"
                + " token, org, assistant, help"
                + " (lectern help <command> tells more)\n");
    assertThat(Files.exists(dir.resolve("data"))).as("nothing was created").isFalse();
  }

  @Test
  void optionsAloneAreTheServeCommandsAndTheVersionIsLecterns() {
    Result version = bare("--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("Lectern ");
    Result wrong = bare("--port", "not-a-port");
    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.err())
        .startsWith("error: Invalid value for option '--port': 'not-a-port' is not an int")
        .endsWith("('lectern serve --help' lists its options)\n");
    Result typo = bare("--prot", "9090");
    assertThat(typo.exit()).isEqualTo(2);
    assertThat(typo.err())
        .contains("error: Unknown options: '--prot', '9090'")
        .contains("did you mean --port instead of --prot?")
        .doesNotContain("Usage:")
        .hasLineCount(3);
    assertThat(bare("assistant", "lst").err()).contains("did you mean list instead of lst?");
    assertThat(bare("-x").err()).doesNotContain("did you mean");
    Result late = bare("--data-dir", "somewhere", "token", "list");
    assertThat(late.exit()).isEqualTo(2);
    assertThat(late.err())
        .contains("a command comes before its options: lectern token … [options]");
    Result nested = bare("assistant", "create");
    assertThat(nested.err())
        .startsWith("error: Missing required option: '--name=<name>'")
        .endsWith("('lectern assistant create --help' lists its options)\n");
  }
}
