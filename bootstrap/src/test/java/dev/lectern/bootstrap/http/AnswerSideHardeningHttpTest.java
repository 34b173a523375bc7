package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.llm.openai.FakeUpstream;
import dev.lectern.bootstrap.LecternConfig;
import dev.lectern.bootstrap.LlmConfig;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.DocumentEntry;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.org.OrgSlug;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answer side as an attacker found it, each defect as a request that failed before: questions
 * past their limits (named, refused while read, nothing stored), anonymous callers growing the
 * store, nulls in tool schemas, numbers no double holds, answers that never end, echoed values and
 * ids in another case. The server runs with small limits so that each is quick to reach.
 */
class AnswerSideHardeningHttpTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int QUESTION = 5000;
  static final int PUBLIC_QUESTION = 1000;
  static final int ANSWER = 2000;

  @TempDir static Path dir;
  static FakeUpstream upstream;
  static RunningLectern lectern;
  static String publicAgent;
  static String chat;
  static String session;

  static LecternConfig.Answers limits(long publicBytesPerMinute, int publicConversations) {
    return new LecternConfig.Answers(
        QUESTION,
        PUBLIC_QUESTION,
        64 * 1024,
        0,
        ANSWER,
        publicBytesPerMinute,
        publicConversations,
        10L << 20);
  }

  @BeforeAll
  static void start() throws Exception {
    upstream = new FakeUpstream();
    lectern =
        RunningLectern.start(
            dir,
            config ->
                config
                    .llm(LlmConfig.at(upstream.base().toString(), "fake-model", null))
                    .answers(limits(100L << 20, 2)));
    assertThat(
            lectern
                .post(
                    "/api/gpt/v1/artifacts/ingest",
                    ADMIN,
                    ZylonArtifactsHttpTest.textIngest(
                        "kb", "a1", "Refunds take five days.", "{\"size\":12}"))
                .status())
        .isEqualTo(200);
    publicAgent = agent("Open", "public");
    chat = lectern.ragflowChat("limits chat", "kb");
    session =
        lectern
            .post("/api/v1/chats/" + chat + "/sessions", ADMIN, "{\"name\":\"s\"}")
            .json()
            .at("/data/id")
            .asText();
  }

  @AfterAll
  static void stop() {
    lectern.close();
    upstream.close();
  }

  @BeforeEach
  void echoing() {
    upstream.answering(EchoModel.over(upstream));
  }

  static String agent(String name, String access) {
    Reply created =
        lectern.post(
            "/lectern/v1/assistants",
            ADMIN,
            "{\"name\":\""
                + name
                + "\",\"knowledge_required\":false,\"access\":\""
                + access
                + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  /** A second server, over the same model, with other answer limits. */
  static RunningLectern another(Path dataDir, LecternConfig.Answers answers) {
    return RunningLectern.start(
        dataDir,
        config ->
            config
                .llm(LlmConfig.at(upstream.base().toString(), "fake-model", null))
                .answers(answers));
  }

  static String publicAgentOn(RunningLectern on) {
    return on.post(
            "/lectern/v1/assistants",
            ADMIN,
            "{\"name\":\"Open\",\"knowledge_required\":false,\"access\":\"public\"}")
        .json()
        .get("id")
        .asText();
  }

  static String call(String agent) {
    return "/api/v1/cloud-ai/agents/" + agent + "/call";
  }

  static String message(int chars) {
    return "{\"message\":\"" + "q".repeat(chars) + "\"}";
  }

  static JsonNode usage(RunningLectern on, String agent) {
    return on.get("/lectern/v1/assistants/" + agent + "/anonymous-conversations", ADMIN).json();
  }

  /**
   * A POST whose body has no declared length: it arrives chunked, its size known only as read. The
   * status, or -1 when the server closed the connection on a body it refused before it was sent.
   */
  static int chunked(String path, String token, byte[] body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lectern.wiring().port() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return HttpClient.newHttpClient()
          .send(request.build(), HttpResponse.BodyHandlers.ofString())
          .statusCode();
    } catch (java.io.IOException closedWhileSending) {
      return -1;
    }
  }

  @Test
  void anAnonymousQuestionPastItsLimitIsRefusedNamingTheFieldAndStoresNothing() throws Exception {
    String agent = agent("Limited", "public");

    Reply anonymous = lectern.post(call(agent), null, message(PUBLIC_QUESTION + 1));
    int streamed =
        chunked(call(agent), null, message(PUBLIC_QUESTION * 10).getBytes(StandardCharsets.UTF_8));
    String otherKey =
        lectern
            .post(
                "/lectern/v1/assistants/" + publicAgent + "/keys",
                ADMIN,
                "{\"name\":\"elsewhere\"}")
            .json()
            .get("key")
            .asText();
    Reply foreignKey = lectern.post(call(agent), otherKey, message(PUBLIC_QUESTION + 1));
    Reply withToken = lectern.post(call(agent), ADMIN, message(PUBLIC_QUESTION + 1));
    Reply pastToken = lectern.post(call(agent), ADMIN, message(QUESTION + 1));

    assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(413);
    assertThat(anonymous.json().get("error_code").asText()).isEqualTo("payload_too_large");
    assertThat(anonymous.json().get("message").asText())
        .isEqualTo("message: longer than the limit of 1000 characters");
    assertThat(streamed).isIn(413, -1);
    assertThat(foreignKey.status())
        .as("a key of another agent makes no caller with a token here")
        .isEqualTo(413);
    assertThat(withToken.status()).as("a caller with a token has more room").isEqualTo(200);
    assertThat(pastToken.status()).isEqualTo(413);
    assertThat(pastToken.json().get("message").asText())
        .isEqualTo("message: longer than the limit of 5000 characters");
    assertThat(usage(lectern, agent).get("conversations").asInt())
        .as("no anonymous conversation was left by the refused calls")
        .isZero();
  }

  @Test
  void everyAnswerEndpointRefusesAStringPastTheLimitInItsOwnFormat() throws Exception {
    String tooLong = "w".repeat(QUESTION + 1);
    Reply zylon =
        lectern.post(
            "/api/gpt/v1/messages",
            ADMIN,
            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"},"
                + "{\"type\":\"text\",\"text\":\""
                + tooLong
                + "\"}]}]}");
    Reply converse =
        lectern.post(
            "/api/v1/chats/" + chat + "/completions",
            ADMIN,
            "{\"question\":\""
                + tooLong
                + "\",\"stream\":false,\"session_id\":\""
                + session
                + "\"}");
    Reply openAi =
        lectern.post(
            "/api/v1/chats_openai/" + chat + "/chat/completions",
            ADMIN,
            "{\"model\":\"m\",\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\""
                + tooLong
                + "\"}]}");

    assertThat(zylon.status()).isEqualTo(413);
    assertThat(zylon.json().at("/error/type").asText()).isEqualTo("request_too_large");
    assertThat(zylon.json().at("/error/message").asText())
        .isEqualTo("messages[0].content[1].text: longer than the limit of 5000 characters");
    assertThat(converse.json().get("code").asInt()).isEqualTo(101);
    assertThat(converse.json().get("message").asText())
        .isEqualTo("question: longer than the limit of 5000 characters");
    assertThat(openAi.json().get("message").asText())
        .isEqualTo("messages[0].content: longer than the limit of 5000 characters");
    assertThat(
            lectern
                .get("/api/v1/chats/" + chat + "/sessions?id=" + session, ADMIN)
                .json()
                .at("/data/0/messages")
                .size())
        .as("the session holds its opener only")
        .isLessThanOrEqualTo(1);
  }

  @Test
  void aBodyPastTheAnswerBodyLimitIsRefusedByItsSizeBeforeAnythingIsCounted() throws Exception {
    StringBuilder body = new StringBuilder("{\"messages\":[");
    for (int i = 0; i < 1000; i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"role\":\"")
          .append(i % 2 == 0 ? "user" : "assistant")
          .append("\",\"content\":\"")
          .append("m".repeat(4000))
          .append("\"}");
    }
    body.append("]}");
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);

    // A client that waits for 100 Continue, as curl does for large bodies, sends none of it.
    HttpResponse<String> declared =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + lectern.wiring().port() + "/api/gpt/v1/messages"))
                    .header("Authorization", "Bearer " + ADMIN)
                    .header("Content-Type", "application/json")
                    .expectContinue(true)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    int undeclared = chunked("/api/gpt/v1/messages", ADMIN, bytes);

    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(declared.body()).at("/error/message").asText())
        .isEqualTo("body: the request body is larger than the limit of 65536 bytes");
    assertThat(undeclared).as("refused once past the limit, not read to its end").isIn(413, -1);
  }

  @Test
  void aNullInAToolsInputSchemaIsA422NamingItOnEveryMessagesEndpoint() {
    String body =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
            + "\"tools\":[{\"name\":\"t\",\"input_schema\":{\"type\":null}}]}";

    Reply messages = lectern.post("/api/gpt/v1/messages", ADMIN, body);
    Reply count = lectern.post("/api/gpt/v1/messages/count_tokens", ADMIN, body);
    Reply validate = lectern.post("/api/gpt/v1/messages/validate", ADMIN, body);
    Reply nullDefault =
        lectern.post(
            "/api/gpt/v1/messages/count_tokens",
            ADMIN,
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[{\"name\":\"t\","
                + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"x\":{\"default\":null}},"
                + "\"required\":null}}]}");

    for (Reply refused : new Reply[] {messages, count}) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(422);
      assertThat(refused.json().at("/error/message").asText())
          .isEqualTo("tools[0].input_schema.type: must be 'object'");
    }
    assertThat(validate.status()).isEqualTo(400);
    assertThat(validate.json().get("errors").get(0).asText())
        .isEqualTo("tools[0].input_schema.type: must be 'object'");
    assertThat(nullDefault.status()).as("nulls inside a schema are JSON Schema").isEqualTo(200);
  }

  @Test
  void aNumberNoDoubleHoldsIsRefusedAtTheDoorAndStoredOnesBreakNoFilter() {
    Reply zylon =
        lectern.post(
            "/api/gpt/v1/artifacts/ingest",
            ADMIN,
            ZylonArtifactsHttpTest.textIngest("kb", "huge", "Huge numbers.", "{\"n\":[1,-1e400]}"));
    String dataset =
        lectern.get("/api/v1/datasets?name=kb", ADMIN).json().at("/data/0/id").asText();
    JsonNode doc =
        lectern.get("/api/v1/datasets/" + dataset + "/documents", ADMIN).json().at("/data/docs/0");
    Reply ragflow =
        lectern.send(
            "PUT",
            "/api/v1/datasets/" + dataset + "/documents/" + doc.get("id").asText(),
            ADMIN,
            "{\"meta_fields\":{\"size\":1e400}}",
            "application/json");

    assertThat(zylon.status()).isEqualTo(422);
    assertThat(zylon.json().at("/error/message").asText())
        .isEqualTo("metadata.n[1]: a number too large to store (not finite)");
    assertThat(ragflow.json().get("code").asInt()).isEqualTo(102);
    assertThat(ragflow.json().get("message").asText())
        .isEqualTo("meta_fields.size must be a finite number");

    // A value stored before the door was closed (read back as Infinity) breaks no comparison.
    lectern.send(
        "PUT",
        "/api/v1/datasets/" + dataset + "/documents/" + doc.get("id").asText(),
        ADMIN,
        "{\"meta_fields\":{\"size\":5}}",
        "application/json");
    String org = lectern.stores().orgs().findBySlug(new OrgSlug("default")).orElseThrow().id();
    var documents = lectern.stores().documents();
    DocumentEntry entry =
        documents
            .find(new ArtifactKey(org, new CollectionId("kb"), new ArtifactId("a1")))
            .orElseThrow();
    Map<String, Object> meta = new LinkedHashMap<>(entry.metaFields());
    meta.put("size", new java.math.BigDecimal("1e400"));
    assertThat(documents.update(withMeta(entry, meta))).isTrue();
    Reply filtered =
        lectern.post(
            "/api/v1/retrieval",
            ADMIN,
            "{\"question\":\"refunds\",\"dataset_ids\":[\""
                + dataset
                + "\"],\"metadata_condition\":{\"conditions\":[{\"name\":\"size\","
                + "\"comparison_operator\":\">\",\"value\":\"10\"}]}}");
    assertThat(filtered.json().get("code").asInt()).as(filtered.body()).isZero();
  }

  private static DocumentEntry withMeta(DocumentEntry e, Map<String, Object> meta) {
    return new DocumentEntry(
        e.key(),
        e.name(),
        e.source(),
        e.sizeBytes(),
        e.chunkMethod(),
        e.parserConfig(),
        meta,
        e.enabled(),
        e.parse(),
        e.createdAt(),
        e.updatedAt());
  }

  /** An upstream that ignores {@code max_tokens} and would write 30 MB if let. */
  static FakeUpstream.Answer endless() {
    return exchange -> {
      JsonNode sent = JSON.readTree(upstream.bodies.getLast());
      OutputStream out = exchange.getResponseBody();
      if (!sent.path("stream").asBoolean()) {
        byte[] whole =
            ("{\"choices\":[{\"message\":{\"content\":\""
                    + "more ".repeat(6_000_000)
                    + "\"},\"finish_reason\":\"stop\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, whole.length);
        out.write(whole);
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      ObjectNode chunk = JSON.createObjectNode();
      chunk.putArray("choices").addObject().putObject("delta").put("content", "more ");
      byte[] line = ("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 6_000_000; i++) {
        out.write(line);
      }
    };
  }

  @Test
  void anAnswerThatNeverEndsIsCutForLengthInEachDialectsWords() {
    upstream.answering(endless());
    String agent = agent("Talker", "private");

    Reply timeweb = lectern.post(call(agent), ADMIN, "{\"message\":\"talk\"}");
    Reply zylon =
        lectern.post(
            "/api/gpt/v1/messages",
            ADMIN,
            "{\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"talk\"}]}");
    Reply openAi =
        lectern.post(
            "/api/v1/chats_openai/" + chat + "/chat/completions",
            ADMIN,
            "{\"model\":\"m\",\"stream\":false,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"How long do refunds take?\"}]}");

    assertThat(timeweb.status()).as(timeweb.body()).isEqualTo(200);
    assertThat(timeweb.json().get("finish_reason").asText()).isEqualTo("lenght");
    assertThat(timeweb.json().get("message").asText().length()).isBetween(100, ANSWER);
    assertThat(zylon.json().get("stop_reason").asText()).isEqualTo("max_tokens");
    assertThat(zylon.json().at("/content/0/text").asText().split(" ").length).isLessThan(200);
    assertThat(openAi.json().at("/choices/0/finish_reason").asText()).isEqualTo("length");
    assertThat(openAi.json().at("/choices/0/message/content").asText().length())
        .isLessThanOrEqualTo(ANSWER);
  }

  @Test
  void anonymousConversationsStayWithinTheAgentsQuotaAndTheAdminSeesAndPurgesThem() {
    String agent = agent("Widget", "public");
    Reply first = lectern.post(call(agent), null, "{\"message\":\"one\"}");
    lectern.post(call(agent), null, "{\"message\":\"two\"}");
    lectern.post(call(agent), null, "{\"message\":\"three\"}");
    Reply mine = lectern.post(call(agent), ADMIN, "{\"message\":\"with a token\"}");

    JsonNode seen = usage(lectern, agent);
    Reply continued =
        lectern.post(
            call(agent),
            null,
            "{\"message\":\"again\",\"parent_message_id\":\""
                + first.json().get("id").asText()
                + "\"}");
    Reply purged =
        lectern.send(
            "DELETE",
            "/lectern/v1/assistants/" + agent + "/anonymous-conversations",
            ADMIN,
            null,
            null);

    assertThat(seen.get("conversations").asInt()).isEqualTo(2);
    assertThat(seen.get("stored_bytes").asLong()).isPositive();
    assertThat(seen.at("/quota/conversations").asInt()).isEqualTo(2);
    assertThat(continued.status())
        .as("the least recently used conversation was pruned")
        .isEqualTo(404);
    assertThat(purged.status()).isEqualTo(200);
    assertThat(purged.json().get("deleted").asInt()).isEqualTo(2);
    assertThat(usage(lectern, agent).get("conversations").asInt()).isZero();
    assertThat(
            lectern
                .post(
                    call(agent),
                    ADMIN,
                    "{\"message\":\"still here\",\"parent_message_id\":\""
                        + mine.json().get("id").asText()
                        + "\"}")
                .status())
        .as("a conversation with a token is no anonymous one")
        .isEqualTo(200);
  }

  @Test
  void thePublicRateLimitCountsTheBytesAnonymousCallsStored(@TempDir Path other) {
    try (RunningLectern small = another(other, limits(1500, 100))) {
      String agent = publicAgentOn(small);

      Reply big = small.post(call(agent), null, message(900));
      Reply after = small.post(call(agent), null, message(10));
      Reply withToken = small.post(call(agent), ADMIN, message(10));

      assertThat(big.status()).as(big.body()).isEqualTo(200);
      assertThat(after.status()).as("900 asked and 906 echoed are past 1500").isEqualTo(429);
      assertThat(after.raw().headers().firstValue("Retry-After")).isPresent();
      assertThat(withToken.status()).isEqualTo(200);
    }
  }

  @Test
  void anAgentIdInCapitalsOrAsAUuidIsTheSameAgentAndAMalformedOneIsNotFound() {
    String upper = publicAgent.toUpperCase(Locale.ROOT);
    String uuid =
        publicAgent
            .replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5")
            .toUpperCase(Locale.ROOT);

    assertThat(lectern.post(call(upper), null, "{\"message\":\"hi\"}").status()).isEqualTo(200);
    assertThat(lectern.post(call(uuid), null, "{\"message\":\"hi\"}").status()).isEqualTo(200);
    Reply malformed = lectern.post(call("not-an-agent"), null, "{\"message\":\"hi\"}");
    assertThat(malformed.status()).isEqualTo(404);
    assertThat(malformed.json().get("error_code").asText()).isEqualTo("not_found");
  }

  @Test
  void aLongValueInARagflowTypeErrorIsEchoedAsAShortPrefix() {
    String dataset =
        lectern.get("/api/v1/datasets?name=kb", ADMIN).json().at("/data/0/id").asText();
    String value = "z".repeat(100_000);

    Reply intError =
        lectern.post(
            "/api/v1/retrieval",
            ADMIN,
            "{\"question\":\"refunds\",\"dataset_ids\":[\""
                + dataset
                + "\"],\"top_k\":\""
                + value
                + "\"}");
    Reply floatError =
        lectern.post(
            "/api/v1/retrieval",
            ADMIN,
            "{\"question\":\"refunds\",\"dataset_ids\":[\""
                + dataset
                + "\"],\"similarity_threshold\":\""
                + value
                + "\"}");
    Reply listError =
        lectern.post(
            "/api/v1/retrieval",
            ADMIN,
            "{\"question\":\"refunds\",\"dataset_ids\":[\"" + dataset + "\"],\"top_k\":[null]}");

    assertThat(intError.json().get("code").asInt()).isEqualTo(100);
    assertThat(intError.json().get("message").asText())
        .startsWith("ValueError(\"invalid literal for int() with base 10: 'zzz")
        .hasSizeLessThan(300);
    assertThat(floatError.json().get("message").asText())
        .startsWith("ValueError(\"could not convert string to float: 'zzz")
        .hasSizeLessThan(300);
    assertThat(listError.json().get("message").asText())
        .isEqualTo(
            "TypeError(\"int() argument must be a string, a bytes-like object or a real number,"
                + " not 'list'\")");
  }

  @Test
  void everyLengthTheStoreLimitsIsCheckedBeforeAnythingIsStored() {
    Reply growing =
        lectern.post(
            "/lectern/v1/assistants", ADMIN, "{\"name\":\"" + "\u0130".repeat(200) + "\"}");
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 513; i++) {
      many.append(i == 0 ? "" : ",").append("\"kb\"");
    }
    Reply repeated =
        lectern.post(
            "/lectern/v1/assistants",
            ADMIN,
            "{\"name\":\"Repeats\",\"collections\":" + many + "]}");
    String dataset =
        lectern
            .post("/api/v1/datasets", ADMIN, "{\"name\":\"merged configs\"}")
            .json()
            .at("/data/id")
            .asText();
    Reply firstHalf =
        lectern.send(
            "PUT",
            "/api/v1/datasets/" + dataset,
            ADMIN,
            "{\"parser_config\":{\"delimiter\":\"" + "x".repeat(40_000) + "\"}}",
            "application/json");
    Reply secondHalf =
        lectern.send(
            "PUT",
            "/api/v1/datasets/" + dataset,
            ADMIN,
            "{\"parser_config\":{\"layout_recognize\":\"" + "y".repeat(40_000) + "\"}}",
            "application/json");
    Reply emoji =
        lectern.send(
            "PUT",
            "/api/v1/datasets/" + dataset,
            ADMIN,
            "{\"description\":\"" + "\ud83d\ude00".repeat(60_000) + "\"}",
            "application/json");

    assertThat(growing.status()).as(growing.body()).isEqualTo(422);
    assertThat(growing.json().at("/error/message").asText()).startsWith("name: must be 1 to 255");
    assertThat(repeated.status()).as("the same collection many times is one").isEqualTo(201);
    assertThat(repeated.json().get("collections")).hasSize(1);
    assertThat(firstHalf.json().get("code").asInt()).isZero();
    assertThat(secondHalf.json().get("code").asInt()).isEqualTo(101);
    assertThat(secondHalf.json().get("message").asText())
        .startsWith("Parser config exceeds size limit (max 65,535 characters).");
    assertThat(emoji.json().get("code").asInt())
        .as("65 535 characters as RAGFlow counts them fit, whatever the database counts")
        .isZero();
  }

  @Test
  void anAnonymousAddressHoldsAFewCallsAtOnceAndNoMore(@TempDir Path other) throws Exception {
    upstream.answering(FakeUpstream.slow(1500, EchoModel.over(upstream)));
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(6);
    try (RunningLectern busy = another(other, limits(100L << 20, 100))) {
      String agent = publicAgentOn(busy);
      List<java.util.concurrent.Future<Reply>> calls = new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(pool.submit(() -> busy.post(call(agent), null, "{\"message\":\"wait\"}")));
      }
      List<Integer> statuses = new java.util.ArrayList<>();
      for (var one : calls) {
        statuses.add(one.get().status());
      }

      assertThat(statuses).containsOnly(200, 429);
      assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(4);
      assertThat(busy.post(call(agent), null, "{\"message\":\"now\"}").status())
          .as("the slots went back when the calls ended")
          .isEqualTo(200);
    } finally {
      pool.shutdownNow();
    }
  }
}
