package dev.lectern.bootstrap.http;

import static dev.lectern.adapters.llm.openai.FakeUpstream.events;
import static dev.lectern.adapters.llm.openai.FakeUpstream.json;
import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.BASE;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.textIngest;
import static dev.lectern.bootstrap.http.ZylonMessagesHttpTest.MESSAGES;
import static dev.lectern.bootstrap.http.ZylonMessagesHttpTest.rag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.adapters.llm.openai.FakeUpstream;
import dev.lectern.bootstrap.LlmConfig;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zylon {@code /v1/messages} with {@code LECTERN_LLM_BASE_URL} pointing at a loopback
 * OpenAI-compatible server: what it is asked and how its answers come back, reference §6 case 15 (a
 * client tool the model must call) included.
 */
class ZylonMessagesUpstreamHttpTest {
  static final ObjectMapper JSON = new ObjectMapper();

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
    assertThat(
            lectern
                .post(
                    BASE + "ingest",
                    ADMIN,
                    textIngest("zoo", "zebra", "Zebra code is 4471.", "{\"file_name\":\"n.txt\"}"))
                .status())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    lectern.close();
    upstream.close();
  }

  static String completion(String content, String finish, String toolCalls) {
    return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
        + (content == null ? "null" : JSON.valueToTree(content).toString())
        + (toolCalls == null ? "" : ",\"tool_calls\":" + toolCalls)
        + "},\"finish_reason\":\""
        + finish
        + "\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":4,\"total_tokens\":16}}";
  }

  static JsonNode lastSent() throws Exception {
    return JSON.readTree(upstream.bodies.get(upstream.bodies.size() - 1));
  }

  @Test
  void aPlainQuestionIsAskedUpstreamAndItsAnswerAndUsageReturned() throws Exception {
    upstream.answering(json(200, completion("Hello from upstream.", "stop", null)));

    Reply reply =
        lectern.post(
            MESSAGES,
            ADMIN,
            "{\"model\":\"default\",\"max_tokens\":32,\"temperature\":0.5,\"system\":\"be brief\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    ZylonMessagesHttpTest.assertMessage(reply.json());
    assertThat(reply.json().get("content").get(0).get("text").asText())
        .isEqualTo("Hello from upstream.");
    assertThat(reply.json().get("usage").toString())
        .isEqualTo("{\"input_tokens\":12,\"output_tokens\":4}");
    JsonNode sent = lastSent();
    assertThat(sent.get("model").asText()).isEqualTo("fake-model");
    assertThat(sent.get("max_tokens").asInt()).isEqualTo(32);
    assertThat(sent.get("temperature").asDouble()).isEqualTo(0.5);
    assertThat(sent.get("messages").toString())
        .isEqualTo(
            "[{\"role\":\"system\",\"content\":\"be brief\"},{\"role\":\"user\",\"content\":\"hi\"}]");
    assertThat(upstream.authorizations.get(upstream.authorizations.size() - 1))
        .isEqualTo("Bearer up-key");
  }

  @Test
  void aClientToolTheModelMustCallComesBackAsToolUse() throws Exception {
    upstream.answering(
        json(
            200,
            completion(
                null,
                "tool_calls",
                "[{\"id\":\"call_9\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]")));

    Reply reply =
        lectern.post(
            MESSAGES,
            ADMIN,
            "{\"max_tokens\":64,\"tools\":[{\"name\":\"get_weather\",\"description\":\"Weather of a city\","
                + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}],"
                + "\"tool_choice\":{\"type\":\"tool\",\"name\":\"get_weather\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Oslo?\"}]}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("stop_reason").asText()).isEqualTo("tool_use");
    JsonNode use = reply.json().get("content").get(0);
    assertThat(use.get("type").asText()).isEqualTo("tool_use");
    assertThat(use.get("name").asText()).isEqualTo("get_weather");
    assertThat(use.get("id").asText()).matches("[A-Za-z0-9_-]+");
    assertThat(use.get("input").toString()).isEqualTo("{\"city\":\"Oslo\"}");
    JsonNode sent = lastSent();
    assertThat(sent.get("tools").get(0).get("function").get("name").asText())
        .isEqualTo("get_weather");
    assertThat(sent.get("tool_choice").toString())
        .isEqualTo("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}");
  }

  @Test
  void theToolsResultGoesBackToTheModelAsAToolMessage() throws Exception {
    upstream.answering(json(200, completion("It is 4 degrees in Oslo.", "stop", null)));

    Reply reply =
        lectern.post(
            MESSAGES,
            ADMIN,
            "{\"tools\":[{\"name\":\"get_weather\"}],\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Weather in Oslo?\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"call_9\",\"name\":\"get_weather\",\"input\":{\"city\":\"Oslo\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_9\",\"content\":\"4 degrees\"}]}]}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode messages = lastSent().get("messages");
    assertThat(messages.get(1).get("tool_calls").get(0).get("id").asText()).isEqualTo("call_9");
    assertThat(messages.get(1).get("tool_calls").get(0).get("function").get("arguments").asText())
        .isEqualTo("{\"city\":\"Oslo\"}");
    assertThat(messages.get(2).toString())
        .isEqualTo("{\"role\":\"tool\",\"content\":\"4 degrees\",\"tool_call_id\":\"call_9\"}");
  }

  @Test
  void theSearchPassagesReachTheModelInItsSystemPrompt() throws Exception {
    upstream.answering(json(200, completion("The zebra code is 4471 [1].", "stop", null)));

    Reply reply = lectern.post(MESSAGES, ADMIN, rag("{\"extensions\":[\"zylon\"]}", "zebra"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode content = reply.json().get("content");
    assertThat(content)
        .extracting(b -> b.get("type").asText())
        .containsExactly("tool_use", "tool_result", "text");
    assertThat(content.get(2).get("text").asText()).isEqualTo("The zebra code is 4471 [1].");
    String system = lastSent().get("messages").get(0).get("content").asText();
    assertThat(system).contains("[1]").contains("Zebra code is 4471.");
  }

  @Test
  void aStreamedAnswerIsPassedOnPieceByPiece() throws Exception {
    upstream.answering(
        events(
            0,
            "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}",
            "data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}",
            "data: {\"choices\":[{\"delta\":{\"content\":\"lo.\"},\"finish_reason\":\"stop\"}]}",
            "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2}}",
            "data: [DONE]"));

    Reply reply =
        lectern.post(
            MESSAGES,
            ADMIN,
            "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

    List<String> pieces = new ArrayList<>();
    JsonNode usage = null;
    for (JsonNode[] event : ZylonMessagesHttpTest.events(reply.body())) {
      JsonNode data = event[0];
      if (data.path("delta").path("type").asText().equals("text_delta")) {
        pieces.add(data.get("delta").get("text").asText());
      }
      if (data.get("type").asText().equals("message_delta")) {
        usage = data.get("usage");
      }
    }
    assertThat(pieces).containsExactly("Hel", "lo.");
    assertThat(usage.toString()).isEqualTo("{\"input_tokens\":7,\"output_tokens\":2}");
    assertThat(lastSent().get("stream").asBoolean()).isTrue();
  }

  @Test
  void upstreamFailuresAreTheDialectsErrorsBeforeAndInsideTheStream() {
    upstream.answering(json(500, "{\"error\":{\"message\":\"boom\"}}"));
    Reply failed =
        lectern.post(MESSAGES, ADMIN, "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(failed.status()).isEqualTo(502);
    assertThat(failed.json().get("type").asText()).isEqualTo("error");
    assertThat(failed.json().get("error").get("type").asText()).isEqualTo("api_error");
    assertThat(failed.body()).doesNotContain("127.0.0.1").doesNotContain("Exception");

    upstream.answering(
        events(
            0,
            "data: {\"choices\":[{\"delta\":{\"content\":\"Half\"}}]}",
            "data: {\"error\":{\"message\":\"model crashed\"}}"));
    Reply cut =
        lectern.post(
            MESSAGES,
            ADMIN,
            "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(cut.status()).isEqualTo(200);
    assertThat(cut.body())
        .contains("\"text\":\"Half\"")
        .contains("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\"")
        .contains("model crashed")
        .doesNotContain("message_stop");
  }

  @Test
  void aClientThatLeavesMidStreamCancelsTheUpstreamRequest() throws Exception {
    String[] lines = new String[200];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = "data: {\"choices\":[{\"delta\":{\"content\":\"w" + i + " \"}}]}";
    }
    upstream.clientGone = false;
    upstream.answering(events(20, lines));
    String body = "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    long sent = System.nanoTime();
    lectern.postAndLeave(MESSAGES, body, "w2 ");
    // Each piece is passed on as it comes (the upstream needs 4 s for all of them).
    assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(2));
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!upstream.clientGone && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(upstream.clientGone).as("the upstream request was cancelled").isTrue();
  }
}
