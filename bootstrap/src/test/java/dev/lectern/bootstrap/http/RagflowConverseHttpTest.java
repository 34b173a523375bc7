package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RagflowChatsHttpTest.assertFails;
import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RAGFlow's converse endpoint (reference §3.7, §5 item 39) with the built-in model, over a document
 * ingested through Zylon: a RAGFlow chat cites it.
 */
class RagflowConverseHttpTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static RunningLectern lectern;
  static String chat;
  static String completions;

  @BeforeAll
  static void start() {
    lectern = RunningLectern.start(dir);
    lectern.ingestText(
        "handbook",
        "policies",
        "Our office opens at nine. Refunds take five working days once approved."
            + " Parking is free for visitors.",
        "policies.txt");
    chat =
        lectern
            .post(
                "/api/v1/chats",
                ADMIN,
                "{\"name\":\"Desk\",\"dataset_ids\":[\"handbook\"],"
                    + "\"prompt\":{\"opener\":\"Ask me about our policies.\"}}")
            .json()
            .get("data")
            .get("id")
            .asText();
    completions = "/api/v1/chats/" + chat + "/completions";
  }

  @AfterAll
  static void stop() {
    lectern.close();
  }

  /** Opens a session through a chat's converse endpoint, as RAGFlow's clients do. */
  static String openSession(RunningLectern on, String completions) {
    return on.post(completions, ADMIN, "{\"stream\":false}").json().at("/data/session_id").asText();
  }

  static String newSession() {
    Reply opened = lectern.post(completions, ADMIN, "{\"stream\":false}");
    return opened.json().get("data").get("session_id").asText();
  }

  /** The JSON of each {@code data:} frame of a stream. */
  static List<JsonNode> frames(String stream) throws Exception {
    List<JsonNode> frames = new ArrayList<>();
    for (String event : stream.split("\n\n")) {
      if (!event.isBlank()) {
        assertThat(event).startsWith("data:").doesNotStartWith("data: ");
        frames.add(JSON.readTree(event.substring("data:".length())));
      }
    }
    return frames;
  }

  @Test
  void withoutASessionTheQuestionIsIgnoredAndTheOpenerOpensOne() throws Exception {
    Reply whole = lectern.post(completions, ADMIN, "{\"question\":\"ignored\",\"stream\":false}");
    JsonNode data = whole.json().get("data");
    assertThat(data.get("answer").asText()).isEqualTo("Ask me about our policies.");
    assertThat(data.get("reference").toString()).isEqualTo("{}");
    assertThat(data.get("id").isNull()).isTrue();
    String session = data.get("session_id").asText();
    Reply sessions = lectern.get("/api/v1/chats/" + chat + "/sessions?id=" + session, ADMIN);
    assertThat(sessions.json().get("data").get(0).get("name").asText()).isEqualTo("New session");

    Reply streamed = lectern.post(completions, ADMIN, "{\"name\":\"Streamed\"}");
    assertThat(streamed.raw().headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    List<JsonNode> frames = frames(streamed.body());
    assertThat(frames).hasSize(2);
    assertThat(frames.get(0).get("data").get("answer").asText())
        .isEqualTo("Ask me about our policies.");
    assertThat(frames.get(1).toString()).isEqualTo("{\"code\":0,\"data\":true}");
  }

  @Test
  void aQuestionIsAnsweredWithItsSourceAndStoredInTheSession() {
    String session = newSession();

    Reply reply =
        lectern.post(
            completions,
            ADMIN,
            "{\"question\":\"How long do refunds take?\",\"stream\":false,\"session_id\":\""
                + session
                + "\"}");

    assertThat(reply.json().get("code").asInt()).as(reply.body()).isZero();
    JsonNode data = reply.json().get("data");
    assertThat(data.get("answer").asText())
        .contains("Refunds take five working days once approved.")
        .contains("[ID:0]")
        .doesNotContain("[1]");
    assertThat(data.get("session_id").asText()).isEqualTo(session);
    assertThat(data.get("id").asText()).isNotBlank();
    JsonNode reference = data.get("reference");
    assertThat(reference.get("total").asInt()).isPositive();
    JsonNode chunk = reference.get("chunks").get(0);
    assertThat(chunk.get("document_name").asText()).isEqualTo("policies.txt");
    assertThat(chunk.get("dataset_id").asText()).isEqualTo("handbook");
    assertThat(chunk.get("content").asText()).contains("Refunds take five working days");
    assertThat(reference.get("doc_aggs").get(0).get("doc_name").asText()).isEqualTo("policies.txt");

    JsonNode stored =
        lectern
            .get("/api/v1/chats/" + chat + "/sessions?id=" + session, ADMIN)
            .json()
            .get("data")
            .get(0)
            .get("messages");
    assertThat(stored).hasSize(3);
    assertThat(stored.get(1).get("role").asText()).isEqualTo("user");
    assertThat(stored.get(1).get("content").asText()).isEqualTo("How long do refunds take?");
    assertThat(stored.get(2).get("content").asText()).isEqualTo(data.get("answer").asText());
    assertThat(stored.get(2).get("reference").get(0).get("document_name").asText())
        .isEqualTo("policies.txt");
  }

  @Test
  void aStreamIsDeltaFramesAFinalFrameWithTheReferenceAndThenTrue() throws Exception {
    String session = newSession();

    Reply reply =
        lectern.post(
            completions,
            ADMIN,
            "{\"question\":\"When does the office open?\",\"session_id\":\"" + session + "\"}");

    List<JsonNode> frames = frames(reply.body());
    assertThat(frames.size()).isGreaterThan(3);
    StringBuilder answer = new StringBuilder();
    JsonNode last = frames.getLast();
    assertThat(last.toString()).isEqualTo("{\"code\":0,\"data\":true}");
    JsonNode closing = frames.get(frames.size() - 2).get("data");
    assertThat(closing.get("final").asBoolean()).isTrue();
    assertThat(closing.get("answer").asText()).isEmpty();
    assertThat(closing.get("reference").get("chunks").get(0).get("document_id").asText())
        .isEqualTo("policies");
    String id = closing.get("id").asText();
    for (JsonNode frame : frames.subList(0, frames.size() - 2)) {
      JsonNode data = frame.get("data");
      assertThat(frame.get("code").asInt()).isZero();
      assertThat(data.get("final").asBoolean()).isFalse();
      assertThat(data.get("id").asText()).isEqualTo(id);
      assertThat(data.get("session_id").asText()).isEqualTo(session);
      answer.append(data.get("answer").asText());
    }
    assertThat(answer.toString()).contains("Our office opens at nine.", "[ID:0]");
    JsonNode stored =
        lectern
            .get("/api/v1/chats/" + chat + "/sessions?id=" + session, ADMIN)
            .json()
            .get("data")
            .get(0)
            .get("messages");
    assertThat(stored.get(2).get("content").asText()).isEqualTo(answer.toString());
    assertThat(stored.get(1).get("id").asText()).isEqualTo(id);
  }

  @Test
  void badRequestsAreRefusedInRagflowsWords() {
    String session = newSession();

    // Item 39.
    assertFails(
        lectern.post("/api/v1/chats/invalid_chat_id/completions", ADMIN, "{\"question\":\"x\"}"),
        102,
        "You don't own the chat invalid_chat_id");
    assertFails(
        lectern.post(completions, ADMIN, "{\"question\":\"x\",\"session_id\":\"invalid\"}"),
        102,
        "You don't own the session invalid");
    assertFails(
        lectern.post(
            completions,
            ADMIN,
            "{\"question\":\"x\",\"session_id\":\""
                + session
                + "\",\"metadata_condition\":\"invalid\"}"),
        102,
        "metadata_condition must be an object.");
    assertFails(
        lectern.post(completions, ADMIN, "{\"stream\":false,\"session_id\":\"" + session + "\"}"),
        102,
        "`question` is required.");
  }
}
