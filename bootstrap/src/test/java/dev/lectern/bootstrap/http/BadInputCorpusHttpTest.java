package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fires every class of bad input at every endpoint of every dialect: malformed and trailing JSON,
 * wrong types, over-long and hostile values, huge and deep bodies, bad query parameters and path
 * ids, giant queries. Nothing may answer 5xx (or RAGFlow's internal-error envelope), no answer may
 * show a class, library or SQL text, and the server must be healthy and working afterwards.
 */
class BadInputCorpusHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern INTERNALS =
      Pattern.compile(
          "java\\.|javax\\.|Exception|com\\.|org\\.|jakarta\\.|jetty|hikari|jdbc|<html|"
              + "\\bSQL\\b|SELECT |INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM| WHERE |\\tat ",
          Pattern.CASE_INSENSITIVE);
  private static final String WORDS = words(2000);

  @TempDir static Path dir;
  static RunningLectern lectern;
  static String dataset;
  static String document;
  static String chunk;
  static String spareDataset;
  static String spareDocument;
  static String task;
  static String chat;
  static String session;
  static String agent;
  static String agentSession;
  static String botKey;
  static String publicAgent;
  static final String AGENTS = "/api/v1/agents";

  /** An agent over the corpus dataset: Begin, Retrieval, LLM and a Message that names an input. */
  static final String AGENT_DSL =
      "{\"components\":{"
          + "\"begin\":{\"obj\":{\"component_name\":\"Begin\",\"params\":{\"prologue\":\"Hi\"}},"
          + "\"downstream\":[\"Retrieval:0\"]},"
          + "\"Retrieval:0\":{\"obj\":{\"component_name\":\"Retrieval\","
          + "\"params\":{\"kb_ids\":[\"hz\"],\"top_n\":3,\"similarity_threshold\":0.1}},"
          + "\"downstream\":[\"LLM:0\"]},"
          + "\"LLM:0\":{\"obj\":{\"component_name\":\"LLM\",\"params\":{\"llm_id\":\"extractive\","
          + "\"sys_prompt\":\"Use {Retrieval:0@formalized_content}\",\"temperature\":0.2,"
          + "\"temperatureEnabled\":true,\"prompts\":[{\"role\":\"user\",\"content\":\"{sys.query}\"}]}},"
          + "\"downstream\":[\"Message:0\"]},"
          + "\"Message:0\":{\"obj\":{\"component_name\":\"Message\","
          + "\"params\":{\"content\":[\"{begin@name}: {LLM:0@content}\"]}},\"downstream\":[]}},"
          + "\"history\":[],\"path\":[],\"retrieval\":[],\"variables\":{\"x\":{\"value\":1}}}";

  static final HttpClient CLIENT = HttpClient.newHttpClient();
  static final List<String> failures = new ArrayList<>();
  static int probes;

  /** An endpoint and a valid body (null: none) whose fields are spoiled one by one. */
  private record Endpoint(String method, String path, String body, String token) {
    Endpoint(String method, String path, String body) {
      this(method, path, body, ADMIN);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    lectern = RunningLectern.start(dir);
    assertThat(
            lectern
                .post(
                    "/api/gpt/v1/artifacts/ingest",
                    ADMIN,
                    ZylonArtifactsHttpTest.textIngest(
                        "hz", "a1", "hello glaciers of the north", "{}"))
                .status())
        .isEqualTo(200);
    task =
        lectern
            .post(
                "/api/gpt/v1/artifacts/ingest/async",
                ADMIN,
                "{\"ingest_body\":"
                    + ZylonArtifactsHttpTest.textIngest("hz", "a2", "async hello", "{}")
                    + "}")
            .json()
            .get("task_id")
            .asText();
    String[] first = parsedDocument("corpus");
    dataset = first[0];
    document = first[1];
    chunk =
        lectern.get(chunksPath(dataset, document), ADMIN).json().at("/data/chunks/0/id").asText();
    chat = lectern.ragflowChat("corpus chat", "hz");
    session =
        lectern
            .post("/api/v1/chats/" + chat + "/sessions", ADMIN, "{\"name\":\"s\"}")
            .json()
            .at("/data/id")
            .asText();
    lectern.post(AGENTS, ADMIN, "{\"title\":\"corpus agent\",\"dsl\":" + AGENT_DSL + "}");
    agent = lectern.get(AGENTS + "?title=corpus%20agent", ADMIN).json().at("/data/0/id").asText();
    agentSession =
        lectern
            .post(AGENTS + "/" + agent + "/sessions", ADMIN, "{}")
            .json()
            .at("/data/id")
            .asText();
    assertThat(agentSession).as("the corpus agent and its session").hasSize(32);
    String bot =
        lectern
            .post(
                "/lectern/v1/assistants",
                ADMIN,
                "{\"name\":\"corpus bot\",\"collections\":[\"hz\"]}")
            .json()
            .get("id")
            .asText();
    botKey =
        lectern
            .post("/lectern/v1/assistants/" + bot + "/keys", ADMIN, "{\"name\":\"k\"}")
            .json()
            .get("key")
            .asText();
    publicAgent =
        lectern
            .post(
                "/lectern/v1/assistants",
                ADMIN,
                "{\"name\":\"corpus widget\",\"knowledge_required\":false,\"access\":\"public\"}")
            .json()
            .get("id")
            .asText();
    String[] spare = parsedDocument("spare");
    spareDataset = spare[0];
    spareDocument = spare[1];
  }

  @AfterAll
  static void stop() {
    lectern.close();
  }

  private static String[] parsedDocument(String name) throws InterruptedException {
    String id =
        lectern
            .post("/api/v1/datasets", ADMIN, "{\"name\":\"" + name + "\"}")
            .json()
            .at("/data/id")
            .asText();
    String doc =
        lectern
            .upload(
                "/api/v1/datasets/" + id + "/documents",
                ADMIN,
                "file",
                List.of(
                    Map.entry(
                        "doc.txt",
                        "Hello glaciers. Ice moves slowly.".getBytes(StandardCharsets.UTF_8))))
            .json()
            .at("/data/0/id")
            .asText();
    lectern.post(
        "/api/v1/datasets/" + id + "/chunks", ADMIN, "{\"document_ids\":[\"" + doc + "\"]}");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!lectern
        .get("/api/v1/datasets/" + id + "/documents?id=" + doc, ADMIN)
        .json()
        .at("/data/docs/0/run")
        .asText()
        .equals("DONE")) {
      assertThat(Instant.now()).isBefore(deadline);
      Thread.sleep(50);
    }
    return new String[] {id, doc};
  }

  private static String chunksPath(String ds, String doc) {
    return "/api/v1/datasets/" + ds + "/documents/" + doc + "/chunks";
  }

  /** Endpoints that change or read data but never destroy the fixtures the others rely on. */
  private static List<Endpoint> endpoints() {
    String gpt = "/api/gpt/v1/artifacts/";
    String ingest =
        "{\"collection\":\"hz\",\"artifact\":\"x1\",\"input\":{\"type\":\"text\",\"value\":\"hi\"},"
            + "\"metadata\":{\"file_name\":\"a.txt\"}}";
    String docs = "/api/v1/datasets/" + dataset + "/documents";
    return List.of(
        new Endpoint("GET", "/health", null),
        new Endpoint("GET", "/api/v1/account/me", null),
        new Endpoint("GET", "/api/v1/app/me", null),
        new Endpoint("POST", gpt + "ingest", ingest),
        new Endpoint("GET", gpt + "list?collection=hz", null),
        new Endpoint("POST", gpt + "content", "{\"context_filter\":{\"collection\":\"hz\"}}"),
        new Endpoint(
            "POST",
            gpt + "chunked-content",
            "{\"context_filter\":{\"collection\":\"hz\",\"artifacts\":[\"a1\"]},\"max_tokens\":50}"),
        new Endpoint("POST", gpt + "delete", "{\"collection\":\"hz\",\"artifact\":\"nope\"}"),
        new Endpoint("POST", gpt + "ingest/async", "{\"ingest_body\":" + ingest + "}"),
        new Endpoint("GET", gpt + "ingest/async/" + task, null),
        new Endpoint(
            "POST",
            gpt + "delete/async",
            "{\"delete_body\":{\"collection\":\"hz\",\"artifact\":\"nope\"}}"),
        new Endpoint("GET", gpt + "delete/async/" + task, null),
        new Endpoint(
            "POST",
            "/api/gpt/v1/primitives/search",
            "{\"text\":\"hello\",\"context_filter\":{\"collection\":\"hz\"},\"limit\":5,"
                + "\"score_threshold\":0.1}"),
        new Endpoint(
            "POST",
            "/api/gpt/v1/messages",
            "{\"max_tokens\":20,\"system\":{\"text\":\"be brief\",\"extensions\":[\"zylon\"]},"
                + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hello\"}]}],"
                + "\"tools\":[{\"name\":\"s\",\"type\":\"semantic_search_v1\"}],"
                + "\"tool_context\":[{\"type\":\"ingested_artifact\",\"context_filter\":{\"collection\":\"hz\"}}]}"),
        new Endpoint(
            "POST",
            "/api/v1/retrieval",
            "{\"question\":\"hello\",\"dataset_ids\":[\""
                + dataset
                + "\"],\"page\":1,\"page_size\":10,\"similarity_threshold\":0.1,\"top_k\":20,"
                + "\"highlight\":true}"),
        new Endpoint("POST", "/api/v1/datasets", "{\"name\":\"made\",\"description\":\"d\"}"),
        new Endpoint("GET", "/api/v1/datasets?page=1&page_size=10&orderby=create_time", null),
        new Endpoint("PUT", "/api/v1/datasets/" + dataset, "{\"description\":\"changed\"}"),
        new Endpoint("GET", docs + "?page=1&page_size=10&keywords=doc", null),
        new Endpoint("PUT", docs + "/" + document, "{\"meta_fields\":{\"team\":\"a\"}}"),
        new Endpoint("GET", docs + "/" + document, null),
        new Endpoint(
            "POST", "/api/v1/datasets/" + dataset + "/chunks", "{\"document_ids\":[\"nope\"]}"),
        new Endpoint(
            "POST",
            chunksPath(dataset, document),
            "{\"content\":\"added text\",\"important_keywords\":[\"k\"],\"questions\":[\"q\"]}"),
        new Endpoint("GET", chunksPath(dataset, document) + "?keywords=hello&page=1", null),
        new Endpoint(
            "PUT",
            chunksPath(dataset, document) + "/" + chunk,
            "{\"content\":\"changed text\",\"available\":true}"),
        new Endpoint(
            "POST",
            "/api/gpt/v1/messages/count_tokens",
            "{\"system\":\"be brief\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}],"
                + "\"tools\":[{\"name\":\"w\",\"input_schema\":{\"type\":\"object\"}}]}"),
        new Endpoint(
            "POST",
            "/api/gpt/v1/messages/validate",
            "{\"max_tokens\":20,\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}],"
                + "\"tool_choice\":{\"type\":\"auto\"},\"tools\":[{\"name\":\"w\"}]}"),
        new Endpoint("GET", "/api/gpt/v1/models", null),
        new Endpoint(
            "POST",
            "/lectern/v1/assistants",
            "{\"name\":\"probe\",\"collections\":[\"hz\"],\"model\":{\"temperature\":0.5},"
                + "\"retrieval\":{\"top_n\":3},\"access\":\"public\"}"),
        new Endpoint("PATCH", "/lectern/v1/assistants/nope", "{\"status\":\"suspended\"}"),
        new Endpoint("POST", "/lectern/v1/assistants/nope/keys", "{\"name\":\"k\"}"),
        new Endpoint(
            "POST",
            "/api/v1/chats",
            "{\"name\":\"probe chat\",\"dataset_ids\":[\"hz\"],\"llm\":{\"temperature\":0.5,"
                + "\"max_tokens\":100},\"prompt\":{\"top_n\":3,\"variables\":[{\"key\":\"knowledge\","
                + "\"optional\":true}]}}"),
        new Endpoint("GET", "/api/v1/chats?page=1&page_size=10&orderby=name&name=probe", null),
        new Endpoint("PUT", "/api/v1/chats/nope", "{\"name\":\"n\",\"llm\":{\"top_p\":0.5}}"),
        new Endpoint(
            "POST", "/api/v1/chats/" + chat + "/sessions", "{\"name\":\"n\",\"user_id\":\"u\"}"),
        new Endpoint(
            "GET", "/api/v1/chats/" + chat + "/sessions?page=1&page_size=5&orderby=name", null),
        new Endpoint(
            "PUT", "/api/v1/chats/" + chat + "/sessions/" + session, "{\"name\":\"renamed\"}"),
        new Endpoint(
            "POST",
            "/api/v1/chats/" + chat + "/completions",
            "{\"question\":\"hello\",\"stream\":false,\"session_id\":\"" + session + "\"}"),
        new Endpoint(
            "POST",
            "/api/v1/chats_openai/" + chat + "/chat/completions",
            "{\"model\":\"model\",\"stream\":false,\"extra_body\":{\"reference\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}"),
        new Endpoint(
            "POST",
            AGENTS,
            "{\"title\":\"probe agent\",\"description\":\"d\",\"dsl\":" + AGENT_DSL + "}"),
        new Endpoint("GET", AGENTS + "?page=1&page_size=5&orderby=title&title=probe", null),
        new Endpoint(
            "PUT", AGENTS + "/" + agent, "{\"description\":\"d\",\"dsl\":" + AGENT_DSL + "}"),
        new Endpoint("POST", AGENTS + "/" + agent + "/sessions?user_id=u", "{\"user_id\":\"u\"}"),
        new Endpoint("GET", AGENTS + "/" + agent + "/sessions?page=1&page_size=5&dsl=false", null),
        new Endpoint(
            "POST",
            AGENTS + "/" + agent + "/completions",
            "{\"question\":\"hello\",\"stream\":false,\"session_id\":\""
                + agentSession
                + "\",\"inputs\":{\"name\":{\"type\":\"line\",\"value\":\"Ana\"}}}"),
        new Endpoint(
            "POST",
            "/api/v1/agents_openai/" + agent + "/chat/completions",
            "{\"model\":\"model\",\"stream\":false,\"session_id\":\""
                + agentSession
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}"),
        new Endpoint(
            "POST",
            "/v1/chat/completions",
            "{\"model\":\"m\",\"max_tokens\":50,\"temperature\":0.5,\"stream\":false,"
                + "\"messages\":[{\"role\":\"system\",\"content\":\"s\"},"
                + "{\"role\":\"user\",\"content\":\"hello\"}]}",
            botKey),
        new Endpoint(
            "POST",
            "/api/v1/cloud-ai/agents/" + chat + "/call",
            "{\"message\":\"hello\",\"parent_message_id\":null}"),
        new Endpoint(
            "POST",
            "/api/v1/cloud-ai/agents/" + chat + "/v1/chat/completions",
            "{\"model\":\"m\",\"max_tokens\":20,\"temperature\":0.3,\"stream\":false,"
                + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hello\"}]}]}"),
        new Endpoint("GET", "/api/v1/cloud-ai/agents/" + chat + "/v1/models", null),
        new Endpoint(
            "POST",
            "/api/v1/cloud-ai/agents/" + publicAgent + "/call",
            "{\"message\":\"hello\"}",
            null),
        new Endpoint(
            "GET", "/lectern/v1/assistants/" + publicAgent + "/anonymous-conversations", null),
        new Endpoint(
            "DELETE", "/lectern/v1/assistants/" + publicAgent + "/anonymous-conversations", null),
        new Endpoint("GET", "/lectern/v1/tasks?status=success&limit=5", null),
        new Endpoint("GET", "/lectern/v1/tasks/" + task, null),
        new Endpoint("POST", "/lectern/v1/tasks/" + task + "/cancel", null));
  }

  /** Endpoints whose valid form deletes: run last, on fixtures of their own. */
  private static List<Endpoint> destructive() {
    return List.of(
        new Endpoint(
            "DELETE",
            "/api/v1/datasets/" + spareDataset + "/chunks",
            "{\"document_ids\":[\"" + spareDocument + "\"]}"),
        new Endpoint(
            "DELETE", chunksPath(spareDataset, spareDocument), "{\"chunk_ids\":[\"nope\"]}"),
        new Endpoint(
            "DELETE", "/api/v1/datasets/" + spareDataset + "/documents", "{\"ids\":[\"nope\"]}"),
        new Endpoint("DELETE", "/api/v1/chats/" + chat + "/sessions", "{\"ids\":[\"nope\"]}"),
        new Endpoint("DELETE", AGENTS + "/" + agent + "/sessions", "{\"ids\":[\"nope\"]}"),
        new Endpoint("DELETE", AGENTS + "/" + agent, null),
        new Endpoint("DELETE", "/api/v1/chats", "{\"ids\":[\"nope\"]}"),
        new Endpoint("DELETE", "/api/v1/datasets", "{\"ids\":[\"" + spareDataset + "\"]}"));
  }

  @Test
  void noBadInputReachesAServerErrorOrShowsInternals() throws Exception {
    for (Endpoint endpoint : endpoints()) {
      probe(endpoint);
    }
    for (Endpoint endpoint : destructive()) {
      probe(endpoint);
    }
    hugeBodies();
    answerSideCases();
    assertThat(failures).as("%d probes", probes).isEmpty();

    assertThat(lectern.get("/health", null).status()).isEqualTo(200);
    var after =
        lectern.post(
            "/api/gpt/v1/artifacts/ingest",
            ADMIN,
            ZylonArtifactsHttpTest.textIngest("after", "ok", "still serving zebras", "{}"));
    assertThat(after.status()).isEqualTo(200);
    assertThat(
            lectern
                .post(
                    "/api/gpt/v1/primitives/search",
                    ADMIN,
                    "{\"text\":\"zebras\",\"context_filter\":{\"collection\":\"after\"}}")
                .json()
                .get("data"))
        .hasSize(1);
    assertThat(probes).isGreaterThan(1000);
  }

  private static void probe(Endpoint endpoint) throws Exception {
    if (endpoint.body() != null) {
      for (byte[] body : spoiledBodies(endpoint.body())) {
        check(endpoint.method(), endpoint.path(), body, "application/json", endpoint.token());
      }
      check(
          endpoint.method(),
          endpoint.path(),
          endpoint.body().getBytes(StandardCharsets.UTF_8),
          "text/plain",
          endpoint.token());
    } else {
      check(endpoint.method(), endpoint.path(), null, null, endpoint.token());
    }
    for (String path : spoiledPaths(endpoint.path())) {
      check(endpoint.method(), path, bytes(endpoint.body()), "application/json", endpoint.token());
    }
    for (String token : new String[] {null, "", "x", "Bearer", "lct_" + "z".repeat(5000)}) {
      check(endpoint.method(), endpoint.path(), bytes(endpoint.body()), "application/json", token);
    }
  }

  private static byte[] bytes(String body) {
    return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
  }

  /** The valid body made wrong in every way a client (or an attacker) might. */
  private static List<byte[]> spoiledBodies(String valid) throws Exception {
    List<byte[]> bodies = new ArrayList<>();
    for (String whole :
        new String[] {
          "",
          " ",
          "{",
          "{\"a\":",
          "{} {}",
          valid + " x",
          valid + " {}",
          "[]",
          "\"text\"",
          "42",
          "null",
          "true",
          "{\"a\":1,\"a\":2}",
          "[".repeat(5000) + "]".repeat(5000),
          "{\"a\":" + "{\"b\":".repeat(300) + "1" + "}".repeat(301),
          "\u0000",
          "{\"\u0000\":1}"
        }) {
      bodies.add(whole.getBytes(StandardCharsets.UTF_8));
    }
    bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'});
    ObjectNode root = (ObjectNode) JSON.readTree(valid);
    ObjectNode extra = root.deepCopy();
    extra.put("unexpected_" + "u".repeat(1000), "x".repeat(100_000));
    bodies.add(JSON.writeValueAsBytes(extra));
    ObjectNode wide = root.deepCopy();
    for (int i = 0; i < 5000; i++) {
      wide.put("f" + i, i);
    }
    bodies.add(JSON.writeValueAsBytes(wide));
    for (List<String> path : fieldPaths(root, List.of())) {
      for (JsonNode value : hostileValues()) {
        ObjectNode copy = root.deepCopy();
        ObjectNode parent = copy;
        for (String step : path.subList(0, path.size() - 1)) {
          parent = (ObjectNode) parent.get(step);
        }
        parent.set(path.get(path.size() - 1), value);
        bodies.add(JSON.writeValueAsBytes(copy));
      }
      ObjectNode without = root.deepCopy();
      ObjectNode parent = without;
      for (String step : path.subList(0, path.size() - 1)) {
        parent = (ObjectNode) parent.get(step);
      }
      parent.remove(path.get(path.size() - 1));
      bodies.add(JSON.writeValueAsBytes(without));
    }
    return bodies;
  }

  /** Paths to every field of an object, nested objects included. */
  private static List<List<String>> fieldPaths(ObjectNode node, List<String> prefix) {
    List<List<String>> paths = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      List<String> path = new ArrayList<>(prefix);
      path.add(field.getKey());
      paths.add(path);
      if (field.getValue().isObject()) {
        paths.addAll(fieldPaths((ObjectNode) field.getValue(), path));
      }
    }
    return paths;
  }

  private static List<JsonNode> hostileValues() {
    List<JsonNode> values = new ArrayList<>();
    values.add(NODES.nullNode());
    values.add(NODES.numberNode(42));
    values.add(NODES.numberNode(-1));
    values.add(NODES.numberNode(new java.math.BigDecimal("1e400")));
    values.add(NODES.numberNode(2.5));
    values.add(NODES.booleanNode(true));
    values.add(NODES.textNode(""));
    values.add(NODES.textNode("x".repeat(100_000)));
    values.add(NODES.textNode("a\u0000b"));
    values.add(NODES.textNode("line\r\nInjected: header"));
    values.add(NODES.textNode("../../../etc/passwd"));
    values.add(NODES.textNode("\u202e\ud83d\ude00\ud800"));
    values.add(NODES.textNode(WORDS));
    values.add(NODES.arrayNode());
    values.add(NODES.arrayNode().add("a").add(1).addNull());
    var many = NODES.arrayNode();
    for (int i = 0; i < 5000; i++) {
      many.add("id" + i);
    }
    values.add(many);
    values.add(NODES.objectNode());
    values.add(NODES.objectNode().put("$where", "1=1").put("a", "x".repeat(70_000)));
    return values;
  }

  /** The path with ids and query values replaced by hostile ones. */
  private static List<String> spoiledPaths(String path) {
    List<String> paths = new ArrayList<>();
    String[] ids = {
      "x".repeat(1500), "%00", "..%2F..%2Fetc", "%E2%80%AE", "%ZZ", "a%20b", "%F0%9F%98%80", "0"
    };
    for (String id : ids) {
      for (String fixture : new String[] {dataset, document, chunk, task, spareDataset}) {
        if (path.contains(fixture)) {
          paths.add(path.replace(fixture, id));
        }
      }
    }
    String base = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    for (String parameter :
        new String[] {
          "page",
          "page_size",
          "orderby",
          "desc",
          "id",
          "name",
          "keywords",
          "collection",
          "metadata_condition",
          "create_time_from",
          "create_time_to",
          "suffix",
          "run",
          "status",
          "kind",
          "limit"
        }) {
      for (String value :
          new String[] {
            "-1",
            "0",
            "1e100",
            "abc",
            "%00",
            "",
            "x".repeat(3000),
            "{",
            "[]",
            "true",
            "99999999999999999999",
            URLEncoder.encode(words(700), StandardCharsets.UTF_8)
          }) {
        paths.add(base + "?" + parameter + "=" + value);
      }
    }
    return paths;
  }

  /** What an attack on the answer side found: each was a 5xx, or an error as long as its input. */
  private static void answerSideCases() {
    String nullSchema =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
            + "\"tools\":[{\"name\":\"t\",\"input_schema\":{\"type\":null}}]}";
    for (String path :
        List.of(
            "/api/gpt/v1/messages",
            "/api/gpt/v1/messages/count_tokens",
            "/api/gpt/v1/messages/validate")) {
      check("POST", path, bytes(nullSchema), "application/json", ADMIN);
      check(
          "POST",
          path,
          bytes(nullSchema.replace("{\"type\":null}", "{\"type\":\"object\",\"x\":null}")),
          "application/json",
          ADMIN);
    }
    check(
        "POST",
        "/api/gpt/v1/artifacts/ingest",
        bytes(ZylonArtifactsHttpTest.textIngest("hz", "inf", "infinite", "{\"n\":1e400}")),
        "application/json",
        ADMIN);
    check(
        "PUT",
        "/api/v1/datasets/" + dataset + "/documents/" + document,
        bytes("{\"meta_fields\":{\"n\":[-1e400]}}"),
        "application/json",
        ADMIN);
    String longValue = "z".repeat(100_000);
    for (String field : List.of("top_k", "page", "page_size", "similarity_threshold")) {
      for (String value : List.of("\"" + longValue + "\"", "[null]", "[\"" + longValue + "\"]")) {
        check(
            "POST",
            "/api/v1/retrieval",
            bytes(
                "{\"question\":\"hello\",\"dataset_ids\":[\""
                    + dataset
                    + "\"],\""
                    + field
                    + "\":"
                    + value
                    + "}"),
            "application/json",
            ADMIN);
      }
    }
    String tenMillion = "q".repeat(10_000_001);
    check(
        "POST",
        "/api/v1/cloud-ai/agents/" + publicAgent + "/call",
        bytes("{\"message\":\"" + tenMillion + "\"}"),
        "application/json",
        ADMIN);
    check(
        "POST",
        "/api/v1/chats/" + chat + "/completions",
        bytes("{\"question\":\"" + tenMillion + "\",\"session_id\":\"" + session + "\"}"),
        "application/json",
        ADMIN);
    check(
        "POST",
        "/api/v1/cloud-ai/agents/" + publicAgent.toUpperCase(java.util.Locale.ROOT) + "/call",
        bytes("{\"message\":\"hello\"}"),
        "application/json",
        null);
  }

  private static void hugeBodies() throws Exception {
    byte[] huge = new byte[70 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'a');
    huge[0] = '"';
    huge[huge.length - 1] = '"';
    for (String path :
        List.of("/api/gpt/v1/artifacts/ingest", "/api/v1/retrieval", "/api/v1/datasets")) {
      check("POST", path, huge, "application/json", ADMIN);
    }
  }

  private static void check(
      String method, String path, byte[] body, String contentType, String token) {
    probes++;
    HttpRequest.Builder request;
    try {
      request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lectern.wiring().port() + path))
              .timeout(Duration.ofSeconds(60))
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
    } catch (IllegalArgumentException notAUri) {
      return; // the client library refuses to send it at all
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", token.isEmpty() ? "" : "Bearer " + token);
    }
    String what = method + " " + cut(path) + " " + cut(body == null ? "" : new String(body));
    HttpResponse<String> response;
    try {
      response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      // The server may close a connection whose body it refused; that is an answer too.
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    String answer = response.body();
    if (response.statusCode() >= 500) {
      failures.add(response.statusCode() + " for " + what + " -> " + cut(answer));
    }
    if (INTERNALS.matcher(answer).find()) {
      failures.add("internals shown for " + what + " -> " + cut(answer));
    }
    if (answer.contains("internal server error") || answer.contains("(error id ")) {
      failures.add("server fault for " + what + " -> " + cut(answer));
    }
    boolean refused =
        response.statusCode() >= 400
            || answer.startsWith("{\"code\":") && !answer.startsWith("{\"code\":0");
    if (refused && answer.length() > 8192) {
      failures.add(
          "an error of " + answer.length() + " characters for " + what + " -> " + cut(answer));
    }
  }

  private static String cut(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }

  private static String words(int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append("word").append(i).append(i % 7 == 0 ? " hello " : " ");
    }
    return text.toString();
  }
}
