package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RagflowChatsHttpTest.assertFails;
import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.application.contract.Fixtures;
import dev.lectern.application.port.out.AssistantStore;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.flow.Template;
import dev.lectern.domain.org.OrgSlug;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RAGFlow's agents (reference §3.8, §5 item 41): CRUD, sessions, completions streamed and whole,
 * over the linear DSL subset, with the built-in model and a document ingested through Zylon.
 */
class RagflowAgentsHttpTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String AGENTS = "/api/v1/agents";

  @TempDir static Path dir;
  static RunningLectern lectern;
  static String echo;
  static String rag;

  @BeforeAll
  static void start() {
    lectern = RunningLectern.start(dir);
    lectern.ingestText(
        "handbook",
        "policies",
        "Our office opens at nine. Refunds take five working days once approved.",
        "policies.txt");
    echo = create("Echo", dsl("echo.json"));
    rag = create("Policies", dsl("rag.json"));
  }

  @AfterAll
  static void stop() {
    lectern.close();
  }

  static String dsl(String name) {
    try (InputStream in = RagflowAgentsHttpTest.class.getResourceAsStream("/agents/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates an agent and finds its id by title, as RAGFlow's own tests do. */
  static String create(String title, String dsl) {
    return create(lectern, title, dsl);
  }

  static String create(RunningLectern on, String title, String dsl) {
    Reply created = on.post(AGENTS, ADMIN, "{\"title\":\"" + title + "\",\"dsl\":" + dsl + "}");
    assertThat(created.body()).isEqualTo("{\"code\":0,\"message\":\"success\",\"data\":true}");
    JsonNode found = on.get(AGENTS + "?title=" + title, ADMIN).json();
    assertThat(found.get("code").asInt()).isZero();
    return found.get("data").get(0).get("id").asText();
  }

  static String session(String agent) {
    Reply created = lectern.post(AGENTS + "/" + agent + "/sessions", ADMIN, "{}");
    return created.json().get("data").get("id").asText();
  }

  static Reply complete(String agent, String body) {
    return lectern.post(AGENTS + "/" + agent + "/completions", ADMIN, body);
  }

  /** The JSON of each {@code data:} frame, and the closing {@code [DONE]} as text. */
  static List<String> frames(String stream, String prefix) {
    List<String> frames = new ArrayList<>();
    for (String event : stream.split("\n\n")) {
      if (!event.isBlank()) {
        assertThat(event).startsWith(prefix);
        frames.add(event.substring(prefix.length()));
      }
    }
    return frames;
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void anAgentIsListedWithItsDslAndIsAnAssistantButNotAChat() {
    JsonNode agent = lectern.get(AGENTS + "?id=" + echo, ADMIN).json().get("data").get(0);
    assertThat(agent.get("title").asText()).isEqualTo("Echo");
    assertThat(agent.get("canvas_category").asText()).isEqualTo("agent_canvas");
    assertThat(agent.at("/dsl/components/message/obj/params/content/0").asText())
        .isEqualTo("{sys.query}");
    assertThat(agent.has("create_time")).isTrue();

    Reply native_ = lectern.get("/lectern/v1/assistants/" + echo, ADMIN);
    assertThat(native_.status()).isEqualTo(200);
    assertThat(native_.json().get("opener").asText())
        .isEqualTo("Say something and I will repeat it.");
    assertThat(lectern.get("/api/v1/chats?id=" + echo, ADMIN).json().get("message").asText())
        .isEqualTo("The chat doesn't exist");
    assertFails(
        lectern.post("/api/v1/chats/" + echo + "/completions", ADMIN, "{\"question\":\"hi\"}"),
        102,
        "You don't own the chat " + echo);
    JsonNode policies = lectern.get("/lectern/v1/assistants/" + rag, ADMIN).json();
    // Other dialects answer with the DSL's system prompt, the passages marked as Lectern marks
    // them.
    assertThat(policies.get("system_prompt").asText())
        .isEqualTo("Answer from these passages only.\n{knowledge}");
    assertThat(policies.get("collections").toString()).contains("handbook");
    JsonNode all = lectern.get(AGENTS + "?page_size=100", ADMIN).json().get("data");
    assertThat(all.findValuesAsText("title")).contains("Echo", "Policies");
  }

  @Test
  void createChecksTheDslThenTheTitleThenItsUniqueness() {
    assertThat(lectern.post(AGENTS, ADMIN, "{\"title\":\"x\"}").body())
        .isEqualTo("{\"code\":101,\"data\":false,\"message\":\"No DSL data in request.\"}");
    assertThat(lectern.post(AGENTS, ADMIN, "{\"dsl\":" + dsl("echo.json") + "}").body())
        .isEqualTo("{\"code\":101,\"data\":false,\"message\":\"No title in request.\"}");
    assertFails(
        lectern.post(AGENTS, ADMIN, "{\"title\":\"echo\",\"dsl\":" + dsl("echo.json") + "}"),
        102,
        "Agent with title echo already exists.");
  }

  @Test
  void componentsOutsideTheLinearSubsetAreRefusedByName() {
    String categorize =
        dsl("echo.json")
            .replace("\"downstream\": [\"message\"]", "\"downstream\": [\"Categorize:0\"]")
            .replace(
                "\"components\": {",
                "\"components\": {\"Categorize:0\": {\"obj\": {\"component_name\": \"Categorize\","
                    + " \"params\": {}}, \"downstream\": [\"message\"], \"upstream\": []},");
    Reply refused =
        lectern.post(AGENTS, ADMIN, "{\"title\":\"Sorter\",\"dsl\":" + categorize + "}");
    assertThat(refused.json().get("code").asInt()).isEqualTo(102);
    assertThat(refused.json().get("message").asText())
        .startsWith("Component Categorize (Categorize:0) is not supported");

    String branching =
        dsl("echo.json")
            .replace("\"downstream\": [\"message\"]", "\"downstream\": [\"message\", \"message\"]");
    assertThat(
            lectern
                .post(AGENTS, ADMIN, "{\"title\":\"Fork\",\"dsl\":" + branching + "}")
                .json()
                .get("message")
                .asText())
        .contains("more than one downstream");
    String endless =
        dsl("echo.json").replace("\"downstream\": [\"message\"]", "\"downstream\": []");
    assertFails(
        lectern.post(AGENTS, ADMIN, "{\"title\":\"Mute\",\"dsl\":" + endless + "}"),
        102,
        "The agent must end with a Message component.");
    String nowhere = dsl("rag.json").replace("[\"handbook\"]", "[\"nowhere\"]");
    assertFails(
        lectern.post(AGENTS, ADMIN, "{\"title\":\"Lost\",\"dsl\":" + nowhere + "}"),
        102,
        "Dataset(nowhere) does not exist.");
    assertFails(
        lectern.post(AGENTS, ADMIN, "{\"title\":\"Bad\",\"dsl\":\"{not json\"}"),
        102,
        "The DSL is not valid JSON.");
    assertThat(lectern.get(AGENTS + "?title=Sorter", ADMIN).json().get("message").asText())
        .isEqualTo("The agent doesn't exist.");
  }

  @Test
  void aDslWithTwoFaultsIsRefusedForTheFirstOneOnTheWay() {
    // An empty Retrieval met before the missing Message: the Retrieval is what is named.
    String empty =
        dsl("rag.json")
            .replace("[\"handbook\"]", "[]")
            .replace("\"downstream\": [\"LLM:0\"]", "\"downstream\": []");
    assertFails(
        lectern.post(AGENTS, ADMIN, "{\"title\":\"Empty\",\"dsl\":" + empty + "}"),
        102,
        "No dataset is selected.");
  }

  @Test
  void anLlmPromptThatShowsThePassagesTooOftenIsRefusedWhenTheAgentIsSaved() {
    String often =
        dsl("rag.json")
            .replace(
                "{Retrieval:0@formalized_content}", "{Retrieval:0@formalized_content}".repeat(9));
    assertFails(
        lectern.post(AGENTS, ADMIN, "{\"title\":\"Often\",\"dsl\":" + often + "}"),
        102,
        "The agent's LLM system prompt shows the retrieved passages more than 8 times.");
    String id = create("Often2", dsl("rag.json"));
    assertFails(
        lectern.send(
            "PUT", AGENTS + "/" + id, ADMIN, "{\"dsl\":" + often + "}", "application/json"),
        102,
        "The agent's LLM system prompt shows the retrieved passages more than 8 times.");
  }

  @Test
  void updateKeepsWhatIsNullAndOnlyTheOwnerMayChangeOrDelete() {
    String id = create("Draft", dsl("echo.json"));
    assertThat(
            lectern
                .send(
                    "PUT",
                    AGENTS + "/" + id,
                    ADMIN,
                    "{\"title\":null,\"description\":\"Repeats you\"}",
                    "application/json")
                .body())
        .isEqualTo("{\"code\":0,\"message\":\"success\",\"data\":true}");
    JsonNode agent = lectern.get(AGENTS + "?id=" + id, ADMIN).json().get("data").get(0);
    assertThat(agent.get("title").asText()).isEqualTo("Draft");
    assertThat(agent.get("description").asText()).isEqualTo("Repeats you");

    String prologue = dsl("echo.json").replace("Say something", "Talk to me");
    lectern.send("PUT", AGENTS + "/" + id, ADMIN, "{\"dsl\":" + prologue + "}", "application/json");
    JsonNode opened = lectern.post(AGENTS + "/" + id + "/sessions", ADMIN, "{}").json().get("data");
    assertThat(opened.at("/message/0/content").asText()).startsWith("Talk to me");

    String notOwner = "Only owner of canvas authorized for this operation.";
    assertFails(
        lectern.send("PUT", AGENTS + "/nope", ADMIN, "{\"title\":\"x\"}", "application/json"),
        103,
        notOwner);
    assertFails(lectern.send("DELETE", AGENTS + "/nope", ADMIN, null, null), 103, notOwner);
    // A chat is not an agent.
    String chat = lectern.ragflowChat("Plain", "handbook");
    assertFails(lectern.send("DELETE", AGENTS + "/" + chat, ADMIN, null, null), 103, notOwner);

    assertThat(lectern.send("DELETE", AGENTS + "/" + id, ADMIN, null, null).json().get("data"))
        .isEqualTo(JSON.getNodeFactory().booleanNode(true));
    assertThat(lectern.get(AGENTS + "?id=" + id, ADMIN).json().get("message").asText())
        .isEqualTo("The agent doesn't exist.");
  }

  @Test
  void aSessionOpensWithThePrologueAndTheAgentId() {
    JsonNode data =
        lectern.post(AGENTS + "/" + echo + "/sessions?user_id=u7", ADMIN, "{}").json().get("data");
    assertThat(data.get("agent_id").asText()).isEqualTo(echo);
    assertThat(data.get("user_id").asText()).isEqualTo("u7");
    assertThat(data.get("source").asText()).isEqualTo("agent");
    assertThat(data.get("message").toString())
        .isEqualTo(
            "[{\"role\":\"assistant\",\"content\":\"Say something and I will repeat it.\"}]");
    assertThat(data.at("/dsl/components/begin/obj/component_name").asText()).isEqualTo("Begin");
    assertFails(lectern.post(AGENTS + "/nope/sessions", ADMIN, "{}"), 102, "Agent not found.");
  }

  @Test
  void aWholeCompletionEchoesTheQueryThroughBeginAndMessage() {
    String session = session(echo);
    JsonNode body =
        complete(
                echo,
                "{\"question\":\"hello\",\"stream\":false,\"session_id\":\"" + session + "\"}")
            .json();
    assertThat(body.get("code").asInt()).isZero();
    JsonNode data = body.get("data");
    assertThat(data.get("event").asText()).isEqualTo("workflow_finished");
    assertThat(data.get("session_id").asText()).isEqualTo(session);
    assertThat(data.at("/data/content").asText()).contains("hello");
    assertThat(data.at("/data/outputs/content").asText()).isEqualTo("hello");

    JsonNode listed =
        lectern.get(AGENTS + "/" + echo + "/sessions?id=" + session, ADMIN).json().get("data");
    assertThat(listed.at("/0/messages").findValuesAsText("content"))
        .containsExactly("Say something and I will repeat it.", "hello", "hello");
    assertThat(
            lectern
                .get(AGENTS + "/" + echo + "/sessions?id=" + session + "&dsl=false", ADMIN)
                .json()
                .at("/data/0")
                .has("dsl"))
        .isFalse();
  }

  @Test
  void beginInputsAndSystemValuesFillTheMessage() {
    String greeter =
        create(
            "Greeter",
            dsl("echo.json")
                .replace(
                    "[\"{sys.query}\"]",
                    "[\"Hello {begin@name}, turn {sys.conversation_turns}: {sys.query}\"]"));
    JsonNode data =
        complete(
                greeter,
                "{\"query\":\"how are you\",\"stream\":false,"
                    + "\"inputs\":{\"name\":{\"type\":\"line\",\"value\":\"Ana\"}}}")
            .json()
            .get("data");
    assertThat(data.at("/data/content").asText()).isEqualTo("Hello Ana, turn 1: how are you");
    String session = data.get("session_id").asText();
    JsonNode again =
        complete(
                greeter,
                "{\"query\":\"and now\",\"stream\":false,\"session_id\":\"" + session + "\"}")
            .json()
            .get("data");
    assertThat(again.at("/data/content").asText()).isEqualTo("Hello , turn 2: and now");
  }

  @Test
  void whatAQuestionSaysNeverOpensAPlaceForPassagesOrTheModel() {
    JsonNode data =
        complete(echo, "{\"question\":\"{knowledge} and {input} refunds\",\"stream\":false}")
            .json()
            .get("data");
    assertThat(data.at("/data/content").asText()).isEqualTo("{knowledge} and {input} refunds");
    assertThat(data.at("/data/reference").toString()).isEqualTo("{}");
  }

  @Test
  void anAgentKeepsItsFlowTypedAndOneStoredBeforeFlowsAnswersFromItsDsl() {
    String id =
        create("Stored", dsl("echo.json").replace("[\"{sys.query}\"]", "[\"Said: {sys.query}\"]"));
    String org = lectern.stores().orgs().findBySlug(new OrgSlug("default")).orElseThrow().id();
    AssistantStore store = lectern.stores().assistants();
    Assistant agent = store.find(org, id).orElseThrow();
    assertThat(agent.flow().steps()).hasSize(2);
    assertThat(agent.flow().message().choices().getFirst().parts())
        .containsExactly(new Template.Literal("Said: "), Template.Slot.QUESTION);

    // As a database written before flows were stored holds it: the DSL only.
    assertThat(
            store.update(
                Fixtures.assistantWith(
                    agent, agent.name(), agent.access(), null, agent.updatedAt())))
        .isTrue();
    JsonNode data = complete(id, "{\"question\":\"hello\",\"stream\":false}").json().get("data");
    assertThat(data.at("/data/content").asText()).isEqualTo("Said: hello");
  }

  @Test
  void beginInputsFallBackToTheirValuesInTheDsl() {
    String greeter =
        create(
            "Defaults",
            dsl("echo.json")
                .replace(
                    "\"params\": {\"prologue\"",
                    "\"params\": {\"inputs\": {\"name\": {\"type\": \"line\", \"value\": \"friend\"}},"
                        + " \"prologue\"")
                .replace("[\"{sys.query}\"]", "[\"Hello {begin@name}\"]"));
    JsonNode data = complete(greeter, "{\"query\":\"hi\",\"stream\":false}").json().get("data");
    assertThat(data.at("/data/content").asText()).isEqualTo("Hello friend");
  }

  @Test
  void aTemplateThatGrowsTooLongFilledInIsRefused() {
    String repeats = "{sys.query}".repeat(200);
    String loud =
        create("Loud", dsl("echo.json").replace("[\"{sys.query}\"]", "[\"" + repeats + "\"]"));
    String question = "x".repeat(1000);
    assertFails(
        complete(loud, "{\"query\":\"" + question + "\",\"stream\":false}"),
        102,
        "The agent's Message is longer than 100000 characters filled in.");
  }

  @Test
  void aRetrievalAgentStreamsItsAnswerWithTheDocumentItCites() {
    String session = session(rag);
    Reply streamed =
        complete(
            rag, "{\"question\":\"How long do refunds take?\",\"session_id\":\"" + session + "\"}");
    assertThat(streamed.raw().headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    List<String> frames = frames(streamed.body(), "data:");
    assertThat(frames.getLast()).isEqualTo("[DONE]");
    List<JsonNode> events =
        frames.subList(0, frames.size() - 1).stream().map(RagflowAgentsHttpTest::read).toList();
    StringBuilder answer = new StringBuilder();
    List<String> kinds = new ArrayList<>();
    for (JsonNode event : events) {
      kinds.add(event.get("event").asText());
      assertThat(event.get("session_id").asText()).isEqualTo(session);
      assertThat(event.fieldNames())
          .toIterable()
          .containsExactly("event", "message_id", "created_at", "task_id", "data", "session_id");
      if (event.get("event").asText().equals("message")) {
        answer.append(event.at("/data/content").asText());
      }
    }
    assertThat(kinds)
        .startsWith("message")
        .endsWith(
            "message_end", "node_finished", "node_finished", "node_finished", "node_finished");
    assertThat(answer.toString()).contains("five working days").contains("[ID:0]");
    JsonNode end = events.get(kinds.indexOf("message_end"));
    assertThat(end.at("/data/reference/chunks/0/document_name").asText()).isEqualTo("policies.txt");
    assertThat(end.at("/data/reference/doc_aggs/policies.txt/count").asInt()).isEqualTo(1);
    assertThat(events.getLast().at("/data/component_type").asText()).isEqualTo("Message");
    assertThat(
            events
                .get(kinds.indexOf("node_finished") + 1)
                .at("/data/outputs/formalized_content")
                .asText())
        .contains("Refunds take five working days");
  }

  @Test
  void completionsCheckTheAgentAndTheSession() {
    assertFails(complete("nope", "{\"question\":\"hi\"}"), 102, "Agent not found.");
    assertFails(
        complete(echo, "{\"question\":\"hi\",\"session_id\":\"nope\"}"), 102, "Session not found!");
    assertFails(complete(echo, "{\"stream\":false}"), 102, "`question` is required.");
  }

  @Test
  void sessionsAreListedAndDeletedWithRagflowsMessages() {
    String agent = create("Temp", dsl("echo.json"));
    assertFails(
        lectern.send("DELETE", AGENTS + "/" + agent + "/sessions", ADMIN, "{}", "application/json"),
        102,
        "Agent " + agent + " has no sessions");
    String first = session(agent);
    session(agent);
    assertFails(
        lectern.send(
            "DELETE",
            AGENTS + "/" + agent + "/sessions",
            ADMIN,
            "{\"ids\":[\"invalid_id\"]}",
            "application/json"),
        102,
        "The agent doesn't own the session invalid_id");
    Reply partial =
        lectern.send(
            "DELETE",
            AGENTS + "/" + agent + "/sessions",
            ADMIN,
            "{\"ids\":[\"" + first + "\",\"invalid_id\"]}",
            "application/json");
    assertThat(partial.json().at("/data/success_count").asInt()).isEqualTo(1);
    assertThat(lectern.get(AGENTS + "/" + agent + "/sessions", ADMIN).json().get("data"))
        .hasSize(1);
    lectern.send("DELETE", AGENTS + "/" + agent + "/sessions", ADMIN, "{}", "application/json");
    assertThat(lectern.get(AGENTS + "/" + agent + "/sessions", ADMIN).json().get("data")).isEmpty();
    assertFails(
        lectern.get(AGENTS + "/nope/sessions", ADMIN), 102, "You don't own the agent nope.");
  }

  @Test
  void agentsOpenAiValidatesInRagflowsOrder() {
    String path = "/api/v1/agents_openai/" + echo + "/chat/completions";
    assertFails(
        lectern.post(path, ADMIN, "{\"messages\":[]}"),
        101,
        "required argument are missing: model; ");
    assertFails(
        lectern.post(path, ADMIN, "{\"model\":\"model\",\"messages\":[]}"),
        102,
        "You must provide at least one message.");
    assertFails(
        lectern.post(
            "/api/v1/agents_openai/nope/chat/completions",
            ADMIN,
            "{\"model\":\"model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
        102,
        "You don't own the agent nope");
    JsonNode none =
        lectern
            .post(
                path,
                ADMIN,
                "{\"model\":\"model\",\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]}")
            .json();
    assertThat(none.at("/choices/0/message/content").asText())
        .isEqualTo("No valid messages found (user or assistant).");
  }

  @Test
  void agentsOpenAiAnswersWholeByDefaultAndContinuesTheSessionItNames() {
    String path = "/api/v1/agents_openai/" + echo + "/chat/completions";
    JsonNode first =
        lectern
            .post(
                path,
                ADMIN,
                "{\"model\":\"model\",\"messages\":[{\"role\":\"user\",\"content\":\"Say this is a test!\"}]}")
            .json();
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactly("id", "object", "created", "model", "param", "usage", "choices");
    assertThat(first.get("object").asText()).isEqualTo("chat.completion");
    assertThat(first.get("created").isNull()).isTrue();
    assertThat(first.get("model").asText()).isEqualTo(echo);
    assertThat(first.at("/choices/0/message/content").asText()).isEqualTo("Say this is a test!");
    assertThat(first.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    String session = first.get("id").asText();

    ObjectNode next =
        (ObjectNode)
            read(
                "{\"model\":\"model\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"again\"}]}");
    next.putObject("metadata").put("id", session);
    Reply streamed = lectern.post(path, ADMIN, next.toString());
    List<String> frames = frames(streamed.body(), "data: ");
    assertThat(frames.getLast()).isEqualTo("[DONE]");
    JsonNode chunk = read(frames.getFirst());
    assertThat(chunk.get("id").asText()).isEqualTo(session);
    assertThat(chunk.get("object").asText()).isEqualTo("chat.completion.chunk");
    assertThat(chunk.at("/choices/0/delta/content").asText()).isEqualTo("again");
    assertThat(
            lectern
                .get(AGENTS + "/" + echo + "/sessions?id=" + session, ADMIN)
                .json()
                .at("/data/0/messages")
                .findValuesAsText("content"))
        .containsExactly(
            "Say something and I will repeat it.",
            "Say this is a test!",
            "Say this is a test!",
            "again",
            "again");
  }
}
