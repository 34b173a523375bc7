package dev.lectern.bootstrap.http;

import static dev.lectern.adapters.llm.openai.FakeUpstream.events;
import static dev.lectern.adapters.llm.openai.FakeUpstream.json;
import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.adapters.llm.openai.FakeUpstream;
import dev.lectern.bootstrap.LlmConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A RAGFlow client that leaves in the middle of a streamed answer: the upstream model's request is
 * cancelled, the session keeps the question with the part of the answer that was sent, marked as
 * cut, and the next question in the session follows it.
 */
class RagflowStreamCancelHttpTest {
  static final String AGENT_DSL =
      "{\"components\":{"
          + "\"begin\":{\"obj\":{\"component_name\":\"Begin\",\"params\":{\"prologue\":\"Hi.\"}},"
          + "\"downstream\":[\"LLM:0\"],\"upstream\":[]},"
          + "\"LLM:0\":{\"obj\":{\"component_name\":\"LLM\",\"params\":{\"sys_prompt\":\"Be kind.\"}},"
          + "\"downstream\":[\"Message:0\"],\"upstream\":[\"begin\"]},"
          + "\"Message:0\":{\"obj\":{\"component_name\":\"Message\","
          + "\"params\":{\"content\":[\"{LLM:0@content}\"]}},\"downstream\":[],\"upstream\":[\"LLM:0\"]}},"
          + "\"history\":[],\"path\":[],\"retrieval\":[]}";

  @TempDir static Path dir;
  static FakeUpstream upstream;
  static RunningLectern lectern;

  @BeforeAll
  static void start() throws Exception {
    upstream = new FakeUpstream();
    lectern =
        RunningLectern.start(
            dir,
            config -> config.llm(LlmConfig.at(upstream.base().toString(), "fake-model", "up-key")));
  }

  @AfterAll
  static void stop() {
    lectern.close();
    upstream.close();
  }

  @BeforeEach
  void slowUpstream() {
    String[] lines = new String[200];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = "data: {\"choices\":[{\"delta\":{\"content\":\"w" + i + " \"}}]}";
    }
    upstream.clientGone = false;
    upstream.requests.set(0);
    upstream.answering(
        events(20, lines),
        json(
            200,
            "{\"id\":\"c2\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":\"Again.\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}"));
  }

  /** Posts a streamed request on a raw socket and leaves once {@code until} has arrived. */
  static void leaveMidStream(String path, String body, String until) throws Exception {
    lectern.postAndLeave(path, body, until);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!upstream.clientGone && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(upstream.clientGone).as("the upstream request was cancelled").isTrue();
  }

  /** The session's messages once the cut answer is stored (it is, as the stream ends). */
  static List<String> contents(String sessions, int expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    JsonNode messages;
    do {
      messages = lectern.get(sessions, ADMIN).json().at("/data/0/messages");
      if (messages.size() >= expected) {
        break;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    return messages.findValuesAsText("content");
  }

  @Test
  void aChatSessionKeepsTheCutAnswerAndGoesOn() throws Exception {
    String chat =
        lectern.post("/api/v1/chats", ADMIN, "{\"name\":\"Cut\"}").json().at("/data/id").asText();
    String completions = "/api/v1/chats/" + chat + "/completions";
    String session = RagflowConverseHttpTest.openSession(lectern, completions);

    leaveMidStream(
        completions, "{\"question\":\"Tell me a story\",\"session_id\":\"" + session + "\"}", "w3");

    String sessions = "/api/v1/chats/" + chat + "/sessions?id=" + session;
    List<String> kept = contents(sessions, 3);
    assertThat(kept).hasSize(3);
    assertThat(kept.get(1)).isEqualTo("Tell me a story");
    assertThat(kept.get(2)).startsWith("w0 w1 w2").doesNotContain("w199");
    JsonNode again =
        lectern
            .post(
                completions,
                ADMIN,
                "{\"question\":\"Go on\",\"stream\":false,\"session_id\":\"" + session + "\"}")
            .json();
    assertThat(again.at("/data/answer").asText()).isEqualTo("Again.");
    JsonNode sent = RagflowConverseHttpTest.JSON.readTree(upstream.bodies.getLast());
    // The model sees the cut answer as the turn before the new question.
    assertThat(sent.get("messages").findValuesAsText("content"))
        .endsWith("Tell me a story", kept.get(2), "Go on");
    assertThat(contents(sessions, 5)).hasSize(5);
  }

  @Test
  void anAgentSessionKeepsTheCutAnswerToo() throws Exception {
    String agent = RagflowAgentsHttpTest.create(lectern, "Storyteller", AGENT_DSL);
    String session =
        lectern
            .post("/api/v1/agents/" + agent + "/sessions", ADMIN, "{}")
            .json()
            .at("/data/id")
            .asText();

    leaveMidStream(
        "/api/v1/agents_openai/" + agent + "/chat/completions",
        "{\"model\":\"model\",\"stream\":true,\"session_id\":\""
            + session
            + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Tell me a story\"}]}",
        "w3");

    List<String> kept = contents("/api/v1/agents/" + agent + "/sessions?id=" + session, 3);
    assertThat(kept).hasSize(3);
    assertThat(kept.get(2)).startsWith("w0 w1 w2").doesNotContain("w199");
  }
}
