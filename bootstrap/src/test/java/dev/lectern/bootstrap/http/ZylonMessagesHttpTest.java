package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.BASE;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.textIngest;
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

/** Zylon {@code /v1/messages} with the built-in model: reference §6 cases 2–14 and 26. */
class ZylonMessagesHttpTest {
  static final String MESSAGES = "/api/gpt/v1/messages";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static RunningLectern lectern;

  @BeforeAll
  static void start() {
    lectern = RunningLectern.start(dir);
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
  }

  static Reply ask(String body) {
    return lectern.post(MESSAGES, ADMIN, body);
  }

  static void assertRefused(String body, String message) {
    Reply reply = ask(body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(422);
    assertThat(reply.json().get("type").asText()).isEqualTo("error");
    assertThat(reply.json().get("error").get("type").asText()).isEqualTo("invalid_request_error");
    assertThat(reply.json().get("error").get("message").asText()).contains(message);
  }

  static void assertMessage(JsonNode message) {
    assertThat(message.get("id").asText()).matches("msg_[0-9a-f]{32}");
    assertThat(message.get("type").asText()).isEqualTo("message");
    assertThat(message.get("role").asText()).isEqualTo("assistant");
    assertThat(message.get("model").asText()).isEqualTo("private-gpt");
    assertThat(message.get("stop_reason").asText()).isIn("end_turn", "max_tokens");
    assertThat(message.get("usage").get("input_tokens").isInt()).isTrue();
    assertThat(message.get("usage").get("output_tokens").isInt()).isTrue();
  }

  @Test
  void aPlainQuestionIsAnsweredInAnthropicsShape() {
    for (String content : List.of("\"hi\"", "[{\"type\":\"text\",\"text\":\"hi\"}]")) {
      Reply reply =
          ask(
              "{\"model\":\"default\",\"max_tokens\":32,\"messages\":[{\"role\":\"user\",\"content\":"
                  + content
                  + "}]}");
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      assertMessage(reply.json());
      assertThat(reply.json().get("content").get(0).get("type").asText()).isEqualTo("text");
      assertThat(reply.json().get("content").get(0).get("text").asText()).isNotEmpty();
    }
  }

  @Test
  void everySystemFormAndAnAssistantLastAreAccepted() {
    for (String system :
        List.of(
            "\"be brief\"",
            "[\"a\",\"b\"]",
            "{\"text\":\"x\"}",
            "[{\"type\":\"text\",\"text\":\"x\"}]")) {
      Reply reply =
          ask("{\"system\":" + system + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
      assertThat(reply.status()).as(system + " " + reply.body()).isEqualTo(200);
    }
    assertThat(
            ask("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"Hello\"}]}")
                .status())
        .isEqualTo(200);
  }

  @Test
  void badBodiesAreRefusedNamingTheProblem() {
    assertRefused("{\"messages\":[]}", "Messages cannot be empty");
    assertRefused(
        "{\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]}", "Messages cannot be empty");
    assertRefused(
        "{\"temperature\":1.5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
        "temperature");
    assertRefused(
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"x\",\"input\":{}}]}]}",
        "Tool use blocks can only be used in assistant messages");
    assertRefused(
        "{\"tools\":[{\"name\":\"x\"},{\"name\":\"x\"}],\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
        "Duplicate tool names");
    assertRefused(
        "{\"tool_context\":[{\"type\":\"ingested_artifact\",\"context_filter\":{\"collection\":\"zoo\"}}],\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
        "no tools are specified");
    assertRefused(
        "{\"tools\":[{\"name\":\"get_weather\"}],\"tool_choice\":{\"type\":\"tool\",\"name\":\"nope\"},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
        "nope");
    assertRefused(
        "{\"tools\":[{\"name\":\"s\",\"type\":\"semantic_search_v1\"}],\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
        "requires an ingested artifact context");
    assertRefused("{\"messages\":[{\"role\":\"user\",\"content\":\"\"}]}", "messages[0].content");
    assertRefused("{\"messages\":", "");
  }

  static String rag(String system, String artifact) {
    return "{\"messages\":[{\"role\":\"user\",\"content\":\"What is the zebra code?\"}],"
        + "\"tools\":[{\"name\":\"semantic_search\",\"type\":\"semantic_search_v1\"}],"
        + "\"tool_choice\":{\"type\":\"tool\",\"name\":\"semantic_search\"},"
        + "\"tool_context\":[{\"type\":\"ingested_artifact\",\"context_filter\":{\"collection\":\"zoo\",\"artifacts\":[\""
        + artifact
        + "\"]}}]"
        + (system == null ? "" : ",\"system\":" + system)
        + "}";
  }

  @Test
  void theSearchToolAnswersFromTheCollectionWithItsSources() {
    Reply reply = ask(rag("{\"extensions\":[\"zylon\"]}", "zebra"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode content = reply.json().get("content");
    assertThat(content).hasSize(3);
    assertThat(content.get(0).get("type").asText()).isEqualTo("tool_use");
    assertThat(content.get(0).get("name").asText()).isEqualTo("semantic_search");
    assertThat(content.get(0).get("id").asText()).matches("[A-Za-z0-9_-]+");
    assertThat(content.get(1).get("type").asText()).isEqualTo("tool_result");
    assertThat(content.get(1).get("tool_use_id").asText())
        .isEqualTo(content.get(0).get("id").asText());
    JsonNode source = content.get(1).get("content").get(0);
    assertThat(source.get("type").asText()).isEqualTo("source");
    assertThat(source.get("sources").get(0).get("document").get("artifact").asText())
        .isEqualTo("zebra");
    assertThat(content.get(2).get("type").asText()).isEqualTo("text");
    assertThat(content.get(2).get("text").asText()).isEqualTo("Zebra code is 4471. [1]");

    Reply plain = ask(rag(null, "zebra"));
    assertThat(plain.body()).doesNotContain("\"type\":\"source\"").contains("4471");

    Reply missing = ask(rag(null, "does-not-exist"));
    assertThat(missing.status()).isBetween(400, 499);
    assertThat(missing.json().get("type").asText()).isEqualTo("error");
  }

  static List<JsonNode[]> events(String stream) throws Exception {
    List<JsonNode[]> events = new ArrayList<>();
    for (String frame : stream.split("\n\n")) {
      if (frame.isBlank()) {
        continue;
      }
      String[] lines = frame.split("\n");
      assertThat(lines[0]).startsWith("event: ");
      assertThat(lines[1]).startsWith("data: ");
      JsonNode data = JSON.readTree(lines[1].substring(6));
      assertThat(data.get("type").asText()).isEqualTo(lines[0].substring(7));
      events.add(new JsonNode[] {data});
    }
    return events;
  }

  @Test
  void aStreamIsNamedEventsFromMessageStartToMessageStop() throws Exception {
    Reply reply =
        ask(
            rag("{\"extensions\":[\"zylon\"]}", "zebra")
                .replace("{\"messages\"", "{\"stream\":true,\"messages\""));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.raw().headers().firstValue("content-type").orElse(""))
        .startsWith("text/event-stream");
    assertThat(reply.body()).doesNotContain("[DONE]");
    List<String> types = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (JsonNode[] event : events(reply.body())) {
      JsonNode data = event[0];
      types.add(data.get("type").asText());
      if (data.path("delta").path("type").asText().equals("text_delta")) {
        text.append(data.get("delta").get("text").asText());
      }
    }
    assertThat(types.get(0)).isEqualTo("message_start");
    assertThat(types.get(types.size() - 1)).isEqualTo("message_stop");
    assertThat(types.get(types.size() - 2)).isEqualTo("message_delta");
    assertThat(types).contains("content_block_start", "content_block_delta", "content_block_stop");
    assertThat(text.toString()).isEqualTo("Zebra code is 4471. [1]");
    JsonNode first = events(reply.body()).get(0)[0];
    assertThat(first.get("message").get("content")).isEmpty();
  }
}
