package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every RAGFlow stream, byte for byte against a golden transcript once generated values (ids,
 * times, scores) are masked: chat converse, the OpenAI-compatible chat, agent completions and the
 * OpenAI-compatible agent. The built-in model makes the answers deterministic. Run with {@code
 * -Dgolden.write=true} to write the transcripts anew after a deliberate change.
 */
class RagflowStreamTranscriptsTest {
  private static final Pattern HEX_ID = Pattern.compile("\"[0-9a-f]{32}\"");
  private static final Pattern UUID =
      Pattern.compile("\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\"");
  private static final Pattern TIME =
      Pattern.compile("\"(created|created_at|elapsed_time)\":[0-9.E-]+");
  private static final Pattern SCORE =
      Pattern.compile("\"(similarity|term_similarity)\":[0-9.E-]+");

  @TempDir static Path dir;
  static RunningLectern lectern;
  static String chat;
  static String agent;

  @BeforeAll
  static void start() {
    lectern = RunningLectern.start(dir);
    lectern.ingestText(
        "handbook",
        "policies",
        "Our office opens at nine. Refunds take five working days once approved.",
        "policies.txt");
    chat = lectern.ragflowChat("Desk", "handbook");
    agent =
        RagflowAgentsHttpTest.create(lectern, "Policies", RagflowAgentsHttpTest.dsl("rag.json"));
  }

  @AfterAll
  static void stop() {
    lectern.close();
  }

  static String masked(String stream) {
    String text = HEX_ID.matcher(stream).replaceAll("\"<id>\"");
    text = UUID.matcher(text).replaceAll("\"<uuid>\"");
    text = TIME.matcher(text).replaceAll("\"$1\":<time>");
    text = SCORE.matcher(text).replaceAll("\"$1\":<score>");
    return text.replace("chatcmpl-" + chat, "chatcmpl-<chat>").replace(agent, "<agent>");
  }

  static void assertTranscript(String name, String stream) {
    String actual = masked(stream);
    Path source = Path.of("src/test/resources/golden/ragflow", name);
    if (Boolean.getBoolean("golden.write")) {
      try {
        Files.createDirectories(source.getParent());
        Files.writeString(source, actual);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try (InputStream in =
        RagflowStreamTranscriptsTest.class.getResourceAsStream("/golden/ragflow/" + name)) {
      assertThat(in).as("golden transcript " + name).isNotNull();
      String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (!Boolean.getBoolean("golden.write")) {
        assertThat(actual).isEqualTo(expected);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void chatConverse() {
    String completions = "/api/v1/chats/" + chat + "/completions";
    String session = RagflowConverseHttpTest.openSession(lectern, completions);
    String stream =
        lectern
            .post(
                completions,
                ADMIN,
                "{\"question\":\"How long do refunds take?\",\"session_id\":\"" + session + "\"}")
            .body();
    assertTranscript("chat-completions.sse", stream);
  }

  @Test
  void chatOpenAi() {
    String stream =
        lectern
            .post(
                "/api/v1/chats_openai/" + chat + "/chat/completions",
                ADMIN,
                "{\"model\":\"model\",\"extra_body\":{\"reference\":true},"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"How long do refunds take?\"}]}")
            .body();
    assertTranscript("chats-openai.sse", stream);
  }

  @Test
  void agentCompletions() {
    String stream =
        lectern
            .post(
                "/api/v1/agents/" + agent + "/completions",
                ADMIN,
                "{\"question\":\"How long do refunds take?\"}")
            .body();
    assertTranscript("agent-completions.sse", stream);
  }

  @Test
  void agentOpenAi() {
    String stream =
        lectern
            .post(
                "/api/v1/agents_openai/" + agent + "/chat/completions",
                ADMIN,
                "{\"model\":\"model\",\"stream\":true,"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"How long do refunds take?\"}]}")
            .body();
    assertTranscript("agents-openai.sse", stream);
  }
}
