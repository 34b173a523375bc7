package dev.lectern.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OpenAI's official Node SDK, pinned, run by the {@code node} on {@code PATH}: its package comes
 * from the npm registry the first time (checked against its published digest) and is kept in {@code
 * target/}; it has no dependencies of its own.
 */
final class OpenAiNodeSdk {
  static final String VERSION = "6.49.0";
  private static final String TARBALL =
      "https://registry.npmjs.org/openai/-/openai-" + VERSION + ".tgz";
  private static final String INTEGRITY =
      "sha512-aYCc0C6L864eR6WSYIwQGyXriw/nIyZx0ObvhzOEVuk0zoBDpynjSbrionWI7q65B5H8jJX0DXR9snEzM6bfPg==";
  private static final Path HOME = Path.of("target", "openai-node-" + VERSION).toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenAiNodeSdk() {}

  /** Runs a script of {@code src/test/node} with the SDK and returns its lines, each JSON. */
  static List<JsonNode> run(String script, List<String> args) throws Exception {
    requireNode();
    install();
    Path copy = HOME.resolve(script);
    Files.copy(Path.of("src/test/node", script), copy, StandardCopyOption.REPLACE_EXISTING);
    List<String> command = new ArrayList<>(List.of("node", copy.toString()));
    command.addAll(args);
    Path out = Files.createTempFile(HOME, "out", ".jsonl");
    Process node =
        new ProcessBuilder(command)
            .directory(HOME.toFile())
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    boolean finished = node.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      node.destroyForcibly().waitFor();
    }
    String printed = Files.readString(out);
    Files.delete(out);
    assertThat(finished).as("node finished within 120 s; it printed:\n" + printed).isTrue();
    assertThat(node.exitValue()).as("node exit status; it printed:\n" + printed).isZero();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : printed.strip().split("\n")) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  private static void requireNode() throws Exception {
    String version;
    try {
      Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      version = new String(node.getInputStream().readAllBytes()).strip();
      node.waitFor();
    } catch (IOException e) {
      version = "";
    }
    assertThat(version)
        .as("OpenAI's Node SDK tests need Node.js 18 or newer as node on PATH (apt install nodejs)")
        .matches("v(1[89]|[2-9][0-9])\\..*");
  }

  /** The SDK unpacked into a directory of its own and moved into place whole. */
  private static synchronized void install() throws Exception {
    Path module = HOME.resolve("node_modules/openai");
    if (Files.exists(module.resolve("package.json"))) {
      return;
    }
    Files.createDirectories(module.getParent());
    HttpResponse<byte[]> response;
    try {
      response =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(20))
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(TARBALL))
                      .timeout(Duration.ofSeconds(60))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new AssertionError(
          "OpenAI's Node SDK could not be fetched from " + TARBALL + " (" + e + ")", e);
    }
    assertThat(response.statusCode()).as("status of " + TARBALL).isEqualTo(200);
    assertThat(integrity(response.body())).as("digest of " + TARBALL).isEqualTo(INTEGRITY);
    Path unpacked = Files.createTempDirectory(HOME, "openai");
    Path file = unpacked.resolve("openai.tgz");
    Files.write(file, response.body());
    Process tar =
        new ProcessBuilder(
                "tar", "-xzf", file.toString(), "--strip-components=1", "-C", unpacked.toString())
            .inheritIO()
            .start();
    assertThat(tar.waitFor()).as("tar unpacked the SDK").isZero();
    Files.delete(file);
    try {
      Files.move(unpacked, module, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileSystemException installedMeanwhile) {
      // Another test run put it there first.
      assertThat(module.resolve("package.json")).exists();
    }
  }

  private static String integrity(byte[] bytes) throws NoSuchAlgorithmException {
    return "sha512-"
        + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
  }
}
