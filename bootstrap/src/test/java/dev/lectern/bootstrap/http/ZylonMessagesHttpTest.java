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

/**
 * Zylon {@code /v1/messages} with the built-in model: reference §6 cases 2–14, 16, 26 and 27, the
 * token count, validation, the model list, client tool results, citations and the stream's golden
 * transcript.
 */
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
    assertRefused(
        "{\"messages\":[{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"x\",\"input\":{}}]},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t2\",\"content\":\"42\"}]}]}",
        "unknown tool use ID 't2'");
    assertRefused(
        "{\"messages\":[{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"x\",\"input\":{}},"
            + "{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"x\",\"input\":{}}]}]}",
        "Duplicate tool use ID 't1'");
    assertRefused(
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"x\",\"input\":{}}]}]}",
        "none answers t1");
    assertRefused(
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"source\":{}}]}]}",
        "messages[0].content[0].type: unsupported block type 'image'");
    assertRefused(
        "{\"tools\":[{\"name\":\"w\",\"type\":\"web_search_v1\"}],\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
        "tools[0].type: the tool type 'web_search_v1' is not supported");
    assertRefused("{\"messages\":", "");
  }

  static String rag(String system, String artifact) {
    return rag("[{\"role\":\"user\",\"content\":\"What is the zebra code?\"}]", system, artifact);
  }

  static String rag(String messages, String system, String artifact) {
    return "{\"messages\":"
        + messages
        + ","
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
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("type").asText()).isEqualTo("error");
    assertThat(missing.json().get("error").get("message").asText()).contains("does-not-exist");
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

  @Test
  void aClientToolsResultIsPartOfTheConversation() {
    Reply reply =
        ask(
            "{\"tools\":[{\"name\":\"get_weather\",\"input_schema\":{\"type\":\"object\"}}],\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Weather in Oslo?\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Let me look.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{\"city\":\"Oslo\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"4 degrees\"}]},{\"type\":\"text\",\"text\":\"Thanks\"}]}]}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertMessage(reply.json());
  }

  @Test
  void aSearchReplySentBackAsHistoryIsAccepted() throws Exception {
    JsonNode first = ask(rag("{\"extensions\":[\"zylon\"]}", "zebra")).json();
    String history =
        "[{\"role\":\"user\",\"content\":\"What is the zebra code?\"},{\"role\":\"assistant\",\"content\":"
            + first.get("content")
            + "},{\"role\":\"user\",\"content\":\"And the zebra code again?\"}]";

    Reply second = ask(rag(history, "{\"extensions\":[\"zylon\"]}", "zebra"));

    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(second.json().get("content").get(2).get("text").asText()).contains("4471");
  }

  @Test
  void citationsEnabledGiveEachCitedPassageAndItsMarker() throws Exception {
    String system = "{\"extensions\":[\"zylon\"],\"citations\":{\"enabled\":true}}";
    Reply reply = ask(rag(system, "zebra"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode source =
        reply.json().get("content").get(1).get("content").get(0).get("sources").get(0);
    String citation = source.get("metadata").get("shorter_id").asText();
    JsonNode text = reply.json().get("content").get(2);
    assertThat(text.get("text").asText()).isEqualTo("Zebra code is 4471. [" + citation + "]");
    assertThat(text.get("citations")).hasSize(1);
    JsonNode cited = text.get("citations").get(0);
    assertThat(cited.get("id").asText()).isEqualTo(citation);
    assertThat(cited.get("index").asInt()).isZero();
    assertThat(cited.get("artifact_id").asText()).isEqualTo("zebra");
    assertThat(cited.get("source_id").asText()).isEqualTo(source.get("id").asText());

    Reply streamed =
        ask(rag(system, "zebra").replace("{\"messages\"", "{\"stream\":true,\"messages\""));
    StringBuilder streamedText = new StringBuilder();
    List<JsonNode> citations = new ArrayList<>();
    for (JsonNode[] event : events(streamed.body())) {
      JsonNode delta = event[0].path("delta");
      if (delta.path("type").asText().equals("text_delta")) {
        streamedText.append(delta.get("text").asText());
      } else if (delta.path("type").asText().equals("citations_delta")) {
        citations.add(delta.get("citation"));
      }
    }
    assertThat(streamedText.toString()).isEqualTo(text.get("text").asText());
    assertThat(citations).containsExactly(cited);

    Reply without = ask(rag("{\"extensions\":[\"zylon\"]}", "zebra"));
    assertThat(without.json().get("content").get(2).has("citations")).isFalse();
  }

  @Test
  void countTokensCountsWhatTheClientSends() {
    Reply small =
        lectern.post(
            MESSAGES + "/count_tokens",
            ADMIN,
            "{\"model\":\"default\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    Reply larger =
        lectern.post(
            MESSAGES + "/count_tokens",
            ADMIN,
            "{\"system\":\"You answer from the handbook of the company, briefly.\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"tools\":[{\"name\":\"get_weather\",\"description\":\"The weather of a city\"}]}");

    assertThat(small.status()).as(small.body()).isEqualTo(200);
    assertThat(small.json().fieldNames()).toIterable().containsExactly("input_tokens");
    assertThat(small.json().get("input_tokens").asInt()).isBetween(2, 10);
    assertThat(larger.json().get("input_tokens").asInt())
        .isGreaterThan(small.json().get("input_tokens").asInt() + 10);
    assertThat(lectern.post(MESSAGES + "/count_tokens", ADMIN, "{\"messages\":[]}").status())
        .isEqualTo(422);
    assertThat(lectern.post(MESSAGES + "/count_tokens", null, "{}").status()).isEqualTo(401);
  }

  @Test
  void validateSaysWhetherMessagesWouldTakeTheBody() {
    Reply valid =
        lectern.post(
            MESSAGES + "/validate",
            ADMIN,
            "{\"model\":\"default\",\"max_tokens\":32,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(valid.status()).isEqualTo(200);
    assertThat(valid.body()).isEqualTo("{\"valid\":true,\"errors\":null}");

    Reply empty = lectern.post(MESSAGES + "/validate", ADMIN, "{\"messages\":[]}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("valid").asBoolean()).isFalse();
    assertThat(empty.json().get("errors").get(0).asText()).contains("Messages cannot be empty");

    Reply missing = lectern.post(MESSAGES + "/validate", ADMIN, rag(null, "does-not-exist"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("errors").get(0).asText()).contains("does-not-exist");
    assertThat(lectern.post(MESSAGES + "/validate", ADMIN, rag(null, "zebra")).status())
        .isEqualTo(200);

    Reply broken = lectern.post(MESSAGES + "/validate", ADMIN, "{\"messages\":");
    assertThat(broken.status()).isEqualTo(422);
    assertThat(broken.json().get("type").asText()).isEqualTo("error");
  }

  @Test
  void theModelListNamesTheConfiguredModels() {
    Reply models = lectern.get("/api/gpt/v1/models", ADMIN);

    assertThat(models.status()).isEqualTo(200);
    JsonNode model = models.json().get("data").get(0);
    assertThat(model.get("id").asText()).isEqualTo("extractive");
    assertThat(model.get("type").asText()).isEqualTo("model");
    assertThat(model.fieldNames())
        .toIterable()
        .containsExactly(
            "id",
            "created_at",
            "display_name",
            "type",
            "max_tokens",
            "max_input_tokens",
            "capabilities");
    assertThat(models.json().get("first_id").asText()).isEqualTo("extractive");
    assertThat(models.json().get("has_more").asBoolean()).isFalse();
    assertThat(lectern.get("/api/gpt/v1/models", null).status()).isEqualTo(401);
  }

  /** A stream with generated ids, times and chunk ids replaced, to compare with a golden file. */
  static String normalised(String stream) {
    return stream
        .replaceAll("msg_[0-9a-f]{32}", "msg_<id>")
        .replaceAll("block_[0-9a-f]{32}_", "block_<id>_")
        .replaceAll("toolu_[0-9a-f]{24}", "toolu_<id>")
        .replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "<time>")
        .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
        .replaceAll("\"shorter_id\":\"[A-Za-z0-9]{4}\"", "\"shorter_id\":\"<cite>\"")
        .replaceAll("Citation identifier \\[[A-Za-z0-9]{4}]", "Citation identifier [<cite>]")
        .replaceAll("\"score\":[0-9.E-]+", "\"score\":<score>");
  }

  @Test
  void theSearchStreamMatchesItsGoldenTranscript() throws Exception {
    Reply reply =
        ask(
            rag("{\"extensions\":[\"zylon\"]}", "zebra")
                .replace("{\"messages\"", "{\"stream\":true,\"messages\""));

    String expected;
    try (var in = getClass().getResourceAsStream("/golden/zylon/messages-search-stream.sse")) {
      expected = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(normalised(reply.body())).isEqualTo(expected);
  }
}
