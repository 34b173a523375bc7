package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.adapters.llm.openai.FakeUpstream;
import dev.lectern.bootstrap.LlmConfig;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AIFlowy's bot API, {@code POST /v1/chat/completions}, over Lectern's assistants and their keys
 * (reference aiflowy-timeweb §3), with a loopback OpenAI-compatible model that echoes the question.
 */
class AiflowyChatHttpTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PATH = "/v1/chat/completions";
  static final String HI = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

  @TempDir static Path dir;
  static FakeUpstream upstream;
  static RunningLectern lectern;
  static String echoBot;
  static String echoKey;

  @BeforeAll
  static void start() throws Exception {
    upstream = new FakeUpstream();
    lectern =
        RunningLectern.start(
            dir,
            config -> config.llm(LlmConfig.at(upstream.base().toString(), "fake-model", "up-key")));
    echoBot =
        bot(
            "{\"name\":\"Echo\",\"system_prompt\":\"You are Echo\",\"knowledge_required\":false,"
                + "\"model\":{\"temperature\":0.7,\"max_tokens\":100},\"history_window\":10}");
    echoKey = key(echoBot);
  }

  @AfterAll
  static void stop() {
    lectern.close();
    upstream.close();
  }

  @BeforeEach
  void echoing() {
    upstream.requests.set(0);
    upstream.answering(EchoModel.over(upstream));
  }

  static String bot(String body) {
    Reply created = lectern.post("/lectern/v1/assistants", ADMIN, body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  static String key(String bot) {
    Reply created =
        lectern.post("/lectern/v1/assistants/" + bot + "/keys", ADMIN, "{\"name\":\"widget\"}");
    assertThat(created.status()).as(created.body()).isBetween(200, 201);
    return created.json().get("key").asText();
  }

  static Reply ask(String key, String body) {
    return key == null ? lectern.post(PATH, null, body) : lectern.post(PATH, key, body);
  }

  static JsonNode lastAsked() throws IOException {
    return JSON.readTree(upstream.bodies.getLast());
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static void assertError(Reply reply, int status, String body) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.body()).isEqualTo(body);
  }

  static final String INVALID_TOKEN =
      "{\"message\":\"Invalid token\",\"type\":\"invalid_request_error\",\"param\":\"authorization\",\"code\":\"401\"}";
  static final String NO_MESSAGES =
      "{\"message\":\"Bad Request\",\"type\":\"messages can not be null or empty\",\"param\":\"messages\",\"code\":\"400\"}";

  @Test
  void aWholeAnswerHasAiflowysShapeAndKeyOrder() {
    for (String body :
        List.of(
            HI,
            "{\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            "{\"stream\":null,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            "{\"model\":\"anything\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")) {
      Reply reply = ask(echoKey, body);
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      JsonNode json = reply.json();
      assertThat(fieldNames(json)).containsExactly("status", "usage", "created", "choices");
      assertThat(json.get("status").asText()).isEqualTo("END");
      assertThat(fieldNames(json.get("usage")))
          .containsExactly("completionTokens", "promptTokens", "totalTokens");
      assertThat(json.get("usage").get("totalTokens").asInt()).isEqualTo(11);
      assertThat(json.get("created").asText()).hasSize(13);
      assertThat(json.at("/choices/index").asInt()).isZero();
      assertThat(json.at("/choices/message/role").asText()).isEqualTo("assistant");
      assertThat(json.at("/choices/message/content").asText()).isEqualTo("echo: hi");
    }
  }

  @Test
  void aStreamGoesStartMiddleEndWithoutDoneAndJoinsToTheWholeAnswer() throws Exception {
    Reply reply =
        ask(
            echoKey,
            "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"say a b c\"}]}");
    assertThat(reply.raw().headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    String body = reply.body();
    assertThat(body).doesNotContain("[DONE]").doesNotContain("event:");
    List<JsonNode> chunks = new ArrayList<>();
    for (String frame : body.split("\n\n")) {
      if (!frame.isBlank()) {
        assertThat(frame).matches("^data:\\{.*}$");
        chunks.add(JSON.readTree(frame.substring("data:".length())));
      }
    }
    assertThat(chunks.getFirst().get("status").asText()).isEqualTo("START");
    assertThat(chunks.getLast().get("status").asText()).isEqualTo("END");
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < chunks.size(); i++) {
      JsonNode chunk = chunks.get(i);
      if (i > 0 && i < chunks.size() - 1) {
        assertThat(chunk.get("status").asText()).isEqualTo("MIDDLE");
      }
      assertThat(fieldNames(chunk)).containsExactly("status", "created", "choices");
      assertThat(chunk.at("/choices/delta/role").asText()).isEqualTo("assistant");
      joined.append(chunk.at("/choices/delta/content").asText());
    }
    assertThat(joined.toString()).isEqualTo("echo: say a b c");
  }

  @Test
  void contentMayBeAListOfTextParts() {
    Reply reply =
        ask(
            echoKey,
            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi \"},"
                + "{\"type\":\"text\",\"text\":\"there\"}]}]}");
    assertThat(reply.json().at("/choices/message/content").asText()).isEqualTo("echo: hi there");
    assertThat(ask(echoKey, "{\"messages\":[{\"role\":\"user\",\"content\":42}]}").status())
        .isEqualTo(400);
  }

  @Test
  void aMissingEmptyOrUnknownKeyIsInvalid() {
    assertError(ask(null, HI), 401, INVALID_TOKEN);
    assertError(lectern.post(PATH, null, HI, "Authorization", "Bearer "), 401, INVALID_TOKEN);
    assertError(ask("not-a-real-key", HI), 401, INVALID_TOKEN);
    // An organization's token picks no bot.
    assertError(ask(ADMIN, HI), 401, INVALID_TOKEN);
  }

  @Test
  void noMessagesIsABadRequestEvenForAStream() {
    assertError(ask(echoKey, "{\"messages\":[]}"), 400, NO_MESSAGES);
    assertError(ask(echoKey, "{\"model\":\"m\"}"), 400, NO_MESSAGES);
    Reply streamed = ask(echoKey, "{\"stream\":true,\"messages\":[]}");
    assertError(streamed, 400, NO_MESSAGES);
    assertThat(streamed.raw().headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
  }

  @Test
  void aDeletedBotIsNotFoundAndASuspendedOneDisabled() {
    String gone = bot("{\"name\":\"Gone\",\"knowledge_required\":false}");
    String goneKey = key(gone);
    assertThat(lectern.send("DELETE", "/lectern/v1/assistants/" + gone, ADMIN, null, null).status())
        .isBetween(200, 204);
    assertError(
        ask(goneKey, HI),
        404,
        "{\"message\":\"Bot Not Found\",\"type\":\"resource_not_found_error\",\"param\":null,\"code\":\"404\"}");

    String paused = bot("{\"name\":\"Paused\",\"knowledge_required\":false}");
    String pausedKey = key(paused);
    lectern.send(
        "PATCH",
        "/lectern/v1/assistants/" + paused,
        ADMIN,
        "{\"status\":\"suspended\"}",
        "application/json");
    assertError(
        ask(pausedKey, HI),
        403,
        "{\"message\":\"Bot Disabled\",\"type\":\"permission_error\",\"param\":null,\"code\":\"403\"}");
  }

  @Test
  void theBotsPromptComesFirstThenTheConversationInOrder() throws Exception {
    ask(
        echoKey,
        "{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
            + "{\"role\":\"user\",\"content\":\"my name is Ann\"},"
            + "{\"role\":\"assistant\",\"content\":\"ok\"},"
            + "{\"role\":\"user\",\"content\":\"what is my name?\"}]}");

    JsonNode messages = lastAsked().get("messages");
    assertThat(messages.findValuesAsText("role"))
        .containsExactly("system", "user", "assistant", "user");
    assertThat(messages.get(0).get("content").asText()).isEqualTo("You are Echo\n\nBe brief.");
    assertThat(messages.findValuesAsText("content").subList(1, 4))
        .containsExactly("my name is Ann", "ok", "what is my name?");
  }

  @Test
  void aLongHistoryIsCutToTheBotsWindow() throws Exception {
    StringBuilder body = new StringBuilder("{\"messages\":[");
    for (int i = 0; i < 30; i++) {
      body.append("{\"role\":\"user\",\"content\":\"q").append(i).append("\"},");
      body.append("{\"role\":\"assistant\",\"content\":\"a").append(i).append("\"},");
    }
    body.append("{\"role\":\"user\",\"content\":\"last\"}]}");
    ask(echoKey, body.toString());

    JsonNode messages = lastAsked().get("messages");
    // The bot's prompt, its window of 10 earlier messages, and the question.
    assertThat(messages).hasSize(12);
    assertThat(messages.get(0).get("content").asText()).isEqualTo("You are Echo");
    assertThat(messages.get(11).get("content").asText()).isEqualTo("last");
    assertThat(messages.get(1).get("content").asText()).isEqualTo("q25");
  }

  @Test
  void theRequestsSamplingOverridesTheBots() throws Exception {
    ask(echoKey, HI);
    assertThat(lastAsked().get("max_tokens").asInt()).isEqualTo(100);
    assertThat(lastAsked().get("temperature").asDouble()).isEqualTo(0.7);
    ask(
        echoKey,
        "{\"max_tokens\":5,\"temperature\":0.2,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(lastAsked().get("max_tokens").asInt()).isEqualTo(5);
    assertThat(lastAsked().get("temperature").asDouble()).isEqualTo(0.2);
  }

  @Test
  void aBotWithAKnowledgeBaseAnswersFromIt() throws Exception {
    lectern.ingestText("kb1", "codes", "The code word is PLUM.", "codes.txt");
    String librarian = bot("{\"name\":\"Librarian\",\"collections\":[\"kb1\"]}");
    ask(
        key(librarian),
        "{\"messages\":[{\"role\":\"user\",\"content\":\"what is the code word?\"}]}");

    assertThat(lastAsked().get("messages").get(0).get("content").asText()).contains("PLUM");
  }

  @Test
  void keysComeAndGoOnTheirOwnAndABareKeyIsAccepted() {
    JsonNode created =
        lectern
            .post("/lectern/v1/assistants/" + echoBot + "/keys", ADMIN, "{\"name\":\"second\"}")
            .json();
    String second = created.get("key").asText();
    assertThat(ask(second, HI).status()).isEqualTo(200);
    assertThat(lectern.post(PATH, null, HI, "Authorization", echoKey).status()).isEqualTo(200);
    lectern.send(
        "DELETE",
        "/lectern/v1/assistants/" + echoBot + "/keys/" + created.get("id").asText(),
        ADMIN,
        null,
        null);
    assertError(ask(second, HI), 401, INVALID_TOKEN);
    assertThat(ask(echoKey, HI).status()).isEqualTo(200);
  }

  @Test
  void aModelFailingMidStreamEndsItWithOneErrorFrame() throws Exception {
    upstream.answering(
        FakeUpstream.events(
            0, "data: {\"choices\":[{\"delta\":{\"content\":\"Half \"}}]}", "data: {broken"));
    Reply reply =
        ask(echoKey, "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

    assertThat(reply.status()).isEqualTo(200);
    String[] frames = reply.body().strip().split("\n\n");
    JsonNode last = JSON.readTree(frames[frames.length - 1].substring("data:".length()));
    assertThat(fieldNames(last)).containsExactly("message", "type", "param", "code");
    assertThat(last.get("type").asText()).isEqualTo("error");
    assertThat(last.get("code").asText()).isEqualTo("500");
    assertThat(last.get("param").isNull()).isTrue();
    assertThat(reply.body()).contains("\"status\":\"START\"");
  }

  @Test
  void aBotWhoseModelIsNoLongerConfiguredHasNoLlm(@TempDir Path other) throws Exception {
    String bot;
    String key;
    try (RunningLectern before =
        RunningLectern.start(
            other,
            config ->
                config.llm(
                    new LlmConfig(
                        upstream.base().toString(),
                        "fake-model",
                        null,
                        List.of(
                            new LlmConfig.NamedModel(
                                "big", "big-model", upstream.base().toString(), null)),
                        LlmConfig.DEFAULT_CONTEXT_TOKENS,
                        Duration.ofSeconds(60),
                        Duration.ofMinutes(10))))) {
      Reply created =
          before.post(
              "/lectern/v1/assistants",
              ADMIN,
              "{\"name\":\"Big\",\"knowledge_required\":false,\"model\":{\"name\":\"big\"}}");
      bot = created.json().get("id").asText();
      key =
          before
              .post("/lectern/v1/assistants/" + bot + "/keys", ADMIN, "{\"name\":\"k\"}")
              .json()
              .get("key")
              .asText();
    }
    try (RunningLectern after =
        RunningLectern.start(
            other,
            config -> config.llm(LlmConfig.at(upstream.base().toString(), "fake-model", null)))) {
      String noLlm =
          "{\"message\":\"Llm Not Found\",\"type\":\"resource_not_found_error\",\"param\":null,\"code\":\"404\"}";
      assertError(after.post(PATH, key, HI), 404, noLlm);
      // Found before any text, so a stream's failure is plain JSON too.
      assertError(
          after.post(
              PATH, key, "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
          404,
          noLlm);
    }
  }
}
