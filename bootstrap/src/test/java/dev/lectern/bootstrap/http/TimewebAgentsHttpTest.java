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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timeweb Cloud AI agents (reference aiflowy-timeweb §4): the native {@code /call} with its
 * conversation tree, public and private agents, and the OpenAI-compatible API, over a loopback
 * model that echoes.
 */
class TimewebAgentsHttpTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @TempDir static Path dir;
  static FakeUpstream upstream;
  static RunningLectern lectern;
  static String privateAgent;
  static String publicAgent;
  static String token;

  @BeforeAll
  static void start() throws Exception {
    upstream = new FakeUpstream();
    lectern =
        RunningLectern.start(
            dir,
            config -> config.llm(LlmConfig.at(upstream.base().toString(), "fake-model", null)));
    privateAgent = agent("{\"name\":\"Private\",\"knowledge_required\":false}");
    publicAgent = agent("{\"name\":\"Public\",\"knowledge_required\":false,\"access\":\"public\"}");
    token = ADMIN;
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

  static String agent(String body) {
    Reply created = lectern.post("/lectern/v1/assistants", ADMIN, body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  static String call(String agent) {
    return "/api/v1/cloud-ai/agents/" + agent + "/call";
  }

  static String compat(String agent) {
    return "/api/v1/cloud-ai/agents/" + agent + "/v1/chat/completions";
  }

  static Reply ask(String agent, String withToken, String body) {
    return lectern.post(call(agent), withToken, body);
  }

  static void assertError(Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    JsonNode body = reply.json();
    assertThat(fieldNames(body))
        .containsExactly("status_code", "error_code", "message", "response_id");
    assertThat(body.get("status_code").asInt()).isEqualTo(status);
    assertThat(body.get("error_code").asText()).isEqualTo(code);
    assertThat(body.get("response_id").asText()).matches(UUID);
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static JsonNode lastAsked() throws IOException {
    return JSON.readTree(upstream.bodies.getLast());
  }

  @Test
  void aPrivateAgentAnswersWithTimewebsShapeAndNewIdsEachTime() {
    JsonNode first = ask(privateAgent, token, "{\"message\":\"hi\"}").json();
    assertThat(fieldNames(first)).containsExactly("message", "id", "response_id", "finish_reason");
    assertThat(first.get("message").asText()).isEqualTo("echo: hi");
    assertThat(first.get("id").asText()).matches(UUID);
    assertThat(first.get("response_id").asText())
        .matches(UUID)
        .isNotEqualTo(first.get("id").asText());
    assertThat(first.get("finish_reason").asText()).isEqualTo("stop");
    JsonNode second = ask(privateAgent, token, "{\"message\":\"hi\",\"stream\":true}").json();
    assertThat(second.get("id").asText()).isNotEqualTo(first.get("id").asText());
    assertThat(second.get("response_id").asText()).isNotEqualTo(first.get("response_id").asText());
  }

  @Test
  void anAgentIdMayBeWrittenAsAUuid() {
    String dashed =
        privateAgent.substring(0, 8)
            + "-"
            + privateAgent.substring(8, 12)
            + "-"
            + privateAgent.substring(12, 16)
            + "-"
            + privateAgent.substring(16, 20)
            + "-"
            + privateAgent.substring(20);
    assertThat(ask(dashed, token, "{\"message\":\"hi\"}").status()).isEqualTo(200);
  }

  @Test
  void aPrivateAgentNeedsAGoodTokenAndAPublicOneNone() {
    assertError(ask(privateAgent, null, "{\"message\":\"hi\"}"), 401, "unauthorized");
    assertError(ask(privateAgent, "wrong", "{\"message\":\"hi\"}"), 401, "unauthorized");
    assertThat(ask(publicAgent, null, "{\"message\":\"hi\"}").status()).isEqualTo(200);
    assertThat(ask(publicAgent, "whatever", "{\"message\":\"hi\"}").status()).isEqualTo(200);
  }

  @Test
  void unknownAgentsAndBadBodiesAreTimewebErrors() {
    assertError(
        ask("00000000-0000-0000-0000-000000000000", token, "{\"message\":\"hi\"}"),
        404,
        "not_found");
    assertError(ask("abc", token, "{\"message\":\"hi\"}"), 404, "not_found");
    assertError(ask(privateAgent, token, "{}"), 400, "bad_request");
    assertError(ask(privateAgent, token, "{\"message\":\"\"}"), 400, "bad_request");
    assertError(ask(privateAgent, token, "{\"message\":123}"), 400, "bad_request");
    assertError(ask(privateAgent, token, "{not json"), 400, "bad_request");
    Reply get = lectern.get(call(privateAgent), token);
    assertThat(get.status()).isEqualTo(405);
  }

  @Test
  void aCallContinuesFromAnEarlierAnswerByItsIdOrItsResponseId() throws Exception {
    JsonNode a = ask(privateAgent, token, "{\"message\":\"my name is Ann\"}").json();
    ask(
        privateAgent,
        token,
        "{\"message\":\"what did I say?\",\"parent_message_id\":\"" + a.get("id").asText() + "\"}");
    assertThat(lastAsked().get("messages").findValuesAsText("content"))
        .containsSubsequence("my name is Ann", "echo: my name is Ann", "what did I say?");

    ask(
        privateAgent,
        token,
        "{\"message\":\"again?\",\"parent_message_id\":\"" + a.get("response_id").asText() + "\"}");
    assertThat(lastAsked().get("messages").findValuesAsText("content"))
        .containsSubsequence("my name is Ann", "echo: my name is Ann", "again?")
        .doesNotContain("what did I say?");

    ask(
        privateAgent,
        token,
        "{\"message\":\"camel\",\"parentMessageId\":\"" + a.get("id").asText() + "\"}");
    assertThat(lastAsked().get("messages").findValuesAsText("content"))
        .contains("my name is Ann")
        .doesNotContain("again?");

    for (String none : List.of("\"\"", "null")) {
      ask(privateAgent, token, "{\"message\":\"fresh\",\"parent_message_id\":" + none + "}");
      assertThat(lastAsked().get("messages").findValuesAsText("content"))
          .doesNotContain("my name is Ann");
    }
  }

  @Test
  void aParentThatIsNotThisAgentsIsNotFound() {
    assertError(
        ask(
            privateAgent,
            token,
            "{\"message\":\"hi\",\"parent_message_id\":\"3adfea84-bcdb-44b5-8914-92035e75ec24\"}"),
        404,
        "not_found");
    String other = ask(publicAgent, null, "{\"message\":\"hi\"}").json().get("id").asText();
    assertError(
        ask(privateAgent, token, "{\"message\":\"hi\",\"parent_message_id\":\"" + other + "\"}"),
        404,
        "not_found");
  }

  @Test
  void aSuspendedAgentIsForbiddenAndNothingIsStored() {
    String paused =
        agent("{\"name\":\"Paused\",\"knowledge_required\":false,\"status\":\"suspended\"}");
    assertError(ask(paused, token, "{\"message\":\"hi\"}"), 403, "forbidden");
    JsonNode listed = lectern.get("/lectern/v1/assistants/" + paused, ADMIN).json();
    assertThat(listed.get("status").asText()).isEqualTo("suspended");
  }

  @Test
  void aCallWhoseModelFailsLeavesNoConversation() {
    String fragile = agent("{\"name\":\"Fragile\",\"knowledge_required\":false}");
    upstream.answering(FakeUpstream.json(500, "{\"error\":{\"message\":\"down\"}}"));
    Reply failed = ask(fragile, token, "{\"message\":\"hi\"}");
    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.json().get("error_code").asText()).isEqualTo("internal_server_error");
    assertThat(lectern.get("/api/v1/chats/" + fragile + "/sessions", ADMIN).json().get("data"))
        .isEmpty();
  }

  @Test
  void aReplyCutAtTheTokenLimitFinishesWithLenght() {
    upstream.answering(
        FakeUpstream.json(
            200,
            "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"cut\"},"
                + "\"finish_reason\":\"length\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":5}}"));
    JsonNode reply = ask(privateAgent, token, "{\"message\":\"tell me everything\"}").json();
    assertThat(reply.get("finish_reason").asText()).isEqualTo("lenght");
  }

  @Test
  void anAgentWithAKnowledgeBaseAnswersFromIt() throws Exception {
    lectern.ingestText("kb-plum", "codes", "The code word is PLUM.", "codes.txt");
    String librarian = agent("{\"name\":\"Librarian\",\"collections\":[\"kb-plum\"]}");
    ask(librarian, token, "{\"message\":\"what is the code word?\"}");
    assertThat(lastAsked().get("messages").get(0).get("content").asText()).contains("PLUM");
  }

  @Test
  void publicCallsAreLimitedPerClientAddress(@TempDir Path own) {
    try (RunningLectern busy =
        RunningLectern.start(
            own,
            config ->
                config
                    .llm(LlmConfig.at(upstream.base().toString(), "fake-model", null))
                    .publicCallsPerMinute(3))) {
      String limited =
          busy.post(
                  "/lectern/v1/assistants",
                  ADMIN,
                  "{\"name\":\"Busy\",\"knowledge_required\":false,\"access\":\"public\"}")
              .json()
              .get("id")
              .asText();
      for (int i = 0; i < 3; i++) {
        assertThat(busy.post(call(limited), null, "{\"message\":\"hi\"}").status()).isEqualTo(200);
      }
      Reply refused = busy.post(call(limited), null, "{\"message\":\"hi\"}");
      assertError(refused, 429, "too_many_requests");
      assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();
      // A caller with a token of the agent's organization is not counted with the anonymous.
      assertThat(busy.post(call(limited), ADMIN, "{\"message\":\"hi\"}").status()).isEqualTo(200);
    }
  }

  @Test
  void theOpenAiCompatibleApiIsStatelessAndAlwaysNeedsAToken() throws Exception {
    Reply whole =
        lectern.post(
            compat(privateAgent),
            token,
            "{\"model\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    JsonNode body = whole.json();
    assertThat(body.get("object").asText()).isEqualTo("chat.completion");
    assertThat(body.at("/choices/0/message/role").asText()).isEqualTo("assistant");
    assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("echo: hi");
    assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    assertThat(fieldNames(body.get("usage")))
        .containsExactly("prompt_tokens", "completion_tokens", "total_tokens");

    Reply streamed =
        lectern.post(
            compat(privateAgent),
            token,
            "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}]}");
    assertThat(streamed.raw().headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    String[] frames = streamed.body().strip().split("\n\n");
    assertThat(frames[frames.length - 1]).isEqualTo("data: [DONE]");
    JsonNode first = JSON.readTree(frames[0].substring("data: ".length()));
    assertThat(first.get("object").asText()).isEqualTo("chat.completion.chunk");
    assertThat(first.at("/choices/0/delta/content").asText()).isEqualTo("echo: ");

    JsonNode finish = JSON.readTree(frames[frames.length - 2].substring("data: ".length()));
    assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    assertThat(finish.has("usage")).as("no usage unless asked, as OpenAI").isFalse();
    String[] withUsage =
        lectern
            .post(
                compat(privateAgent),
                token,
                "{\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}]}")
            .body()
            .strip()
            .split("\n\n");
    JsonNode usage = JSON.readTree(withUsage[withUsage.length - 2].substring("data: ".length()));
    assertThat(usage.get("choices")).isEmpty();
    assertThat(usage.at("/usage/total_tokens").asInt()).isPositive();
    assertThat(usage.get("id"))
        .isEqualTo(JSON.readTree(withUsage[0].substring("data: ".length())).get("id"));
    Reply badOptions =
        lectern.post(
            compat(privateAgent),
            token,
            "{\"stream\":true,\"stream_options\":{\"include_usage\":\"yes\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(badOptions.status()).isEqualTo(400);
    assertThat(badOptions.json().at("/error/message").asText())
        .contains("stream_options.include_usage");

    Reply anonymous =
        lectern.post(
            compat(publicAgent), null, "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().at("/error/code").asText()).isEqualTo("unauthorized");

    lectern.post(
        compat(privateAgent), token, "{\"messages\":[{\"role\":\"user\",\"content\":\"second\"}]}");
    assertThat(lastAsked().get("messages").findValuesAsText("content")).doesNotContain("hi");

    JsonNode models =
        lectern.get("/api/v1/cloud-ai/agents/" + privateAgent + "/v1/models", token).json();
    assertThat(models.get("object").asText()).isEqualTo("list");
    assertThat(models.at("/data/0/object").asText()).isEqualTo("model");
  }

  @Test
  void anAgentsOwnKeyReachesItAndNoOther() {
    String key =
        lectern
            .post("/lectern/v1/assistants/" + privateAgent + "/keys", ADMIN, "{\"name\":\"w\"}")
            .json()
            .get("key")
            .asText();
    assertThat(ask(privateAgent, key, "{\"message\":\"hi\"}").status()).isEqualTo(200);
    String other = agent("{\"name\":\"Other\",\"knowledge_required\":false}");
    assertError(ask(other, key, "{\"message\":\"hi\"}"), 404, "not_found");
  }
}
