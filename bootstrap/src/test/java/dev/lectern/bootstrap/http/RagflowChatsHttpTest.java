package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.BASE;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.textIngest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RAGFlow's chat assistants (reference §3.5 and §5 items 33–36) over Lectern's assistants. */
class RagflowChatsHttpTest {
  static final String CHATS = "/api/v1/chats";

  @TempDir static Path dir;
  static RunningLectern lectern;
  static String emptyDataset;

  @BeforeAll
  static void start() {
    lectern = RunningLectern.start(dir);
    // Ingested through Zylon: datasets "handbook" and "faq" with chunks.
    ingest("handbook", "refunds", "Refunds take five working days once approved.");
    ingest("faq", "hours", "The office opens at nine.");
    Reply created = lectern.post("/api/v1/datasets", ADMIN, "{\"name\":\"empty\"}");
    emptyDataset = created.json().get("data").get("id").asText();
  }

  static void ingest(String collection, String artifact, String text) {
    assertThat(
            lectern
                .post(BASE + "ingest", ADMIN, textIngest(collection, artifact, text, "{}"))
                .status())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    lectern.close();
  }

  @BeforeEach
  void noChats() {
    lectern.send("DELETE", CHATS, ADMIN, "{}", "application/json");
  }

  static JsonNode create(String body) {
    Reply reply = lectern.post(CHATS, ADMIN, body);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("code").asInt()).as(reply.body()).isZero();
    return reply.json().get("data");
  }

  static void assertFails(Reply reply, int code, String message) {
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("code").asInt()).as(reply.body()).isEqualTo(code);
    assertThat(reply.json().get("message").asText()).isEqualTo(message);
  }

  static Reply put(String id, String body) {
    return lectern.send("PUT", CHATS + "/" + id, ADMIN, body, "application/json");
  }

  static Reply delete(String body) {
    return lectern.send("DELETE", CHATS, ADMIN, body, "application/json");
  }

  static List<String> names(Reply list) {
    List<String> names = new ArrayList<>();
    list.json().get("data").forEach(chat -> names.add(chat.get("name").asText()));
    return names;
  }

  @Test
  void aChatIsCreatedWithRagflowsDefaultsAndIsALecternAssistant() {
    JsonNode chat = create("{\"name\":\"Support\",\"dataset_ids\":[\"handbook\"]}");

    assertThat(chat.get("id").asText()).matches("[0-9a-f]{32}");
    assertThat(chat.get("name").asText()).isEqualTo("Support");
    assertThat(chat.get("description").asText()).isEqualTo("A helpful Assistant");
    assertThat(chat.get("dataset_ids").toString()).isEqualTo("[\"handbook\"]");
    assertThat(chat.get("llm").toString())
        .isEqualTo(
            "{\"frequency_penalty\":0.7,\"max_tokens\":512,\"model_name\":\"extractive\","
                + "\"presence_penalty\":0.4,\"temperature\":0.1,\"top_p\":0.3}");
    JsonNode prompt = chat.get("prompt");
    assertThat(prompt.get("variables").toString())
        .isEqualTo("[{\"key\":\"knowledge\",\"optional\":false}]");
    assertThat(prompt.get("prompt").asText()).contains("{knowledge}");
    assertThat(prompt.get("opener").asText()).isNotBlank();
    assertThat(prompt.get("empty_response").asText())
        .isEqualTo("Sorry! No relevant content was found in the knowledge base!");
    JsonNode unset =
        create(
            "{\"name\":\"Unset\",\"dataset_ids\":[\"handbook\"],"
                + "\"prompt\":{\"empty_response\":null}}");
    assertThat(unset.at("/prompt/empty_response").asText())
        .isEqualTo("Sorry! No relevant content was found in the knowledge base!");
    assertThat(prompt.get("show_quote").asBoolean()).isTrue();
    assertThat(prompt.get("similarity_threshold").asDouble()).isEqualTo(0.2);
    assertThat(prompt.get("keywords_similarity_weight").asDouble()).isEqualTo(0.7);
    assertThat(prompt.get("top_n").asInt()).isEqualTo(6);
    assertThat(prompt.get("rerank_model").asText()).isEmpty();
    assertThat(chat.get("prompt_type").asText()).isEqualTo("simple");
    assertThat(chat.get("status").asText()).isEqualTo("1");
    List<String> keys = new ArrayList<>();
    chat.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).isSorted();

    Reply native_ = lectern.get("/lectern/v1/assistants/" + chat.get("id").asText(), ADMIN);
    assertThat(native_.status()).isEqualTo(200);
    assertThat(native_.json().get("name").asText()).isEqualTo("Support");
    assertThat(native_.json().get("collections").toString()).isEqualTo("[\"handbook\"]");
  }

  @Test
  void anAvatarTooLongIsRefusedByName() {
    String avatar = "data:image/png;base64," + "A".repeat(300_000);
    assertFails(
        lectern.post(CHATS, ADMIN, "{\"name\":\"Pictured\",\"avatar\":\"" + avatar + "\"}"),
        102,
        "`avatar` must be at most 262144 characters.");
    assertThat(lectern.get(CHATS + "?name=Pictured", ADMIN).json().get("code").asInt())
        .isEqualTo(102);
  }

  @Test
  void createChecksInRagflowsOrderWithItsMessages() {
    // Item 33.
    assertFails(lectern.post(CHATS, ADMIN, "{\"name\":\"\"}"), 102, "`name` is required.");
    assertFails(lectern.post(CHATS, ADMIN, "{}"), 102, "`name` is required.");
    create("{\"name\":\"test_chat_assistant_1\"}");
    assertFails(
        lectern.post(CHATS, ADMIN, "{\"name\":\"TEST_CHAT_ASSISTANT_1\"}"),
        102,
        "Duplicated chat name in creating chat.");
    assertFails(
        lectern.post(CHATS, ADMIN, "{\"name\":\"x\",\"dataset_ids\":[\"" + emptyDataset + "\"]}"),
        102,
        "The dataset " + emptyDataset + " doesn't own parsed file");
    // Item 34.
    assertFails(
        lectern.post(CHATS, ADMIN, "{\"name\":\"x\",\"dataset_ids\":[\"invalid_dataset_id\"]}"),
        102,
        "You don't own the dataset invalid_dataset_id");
    assertFails(
        lectern.post(CHATS, ADMIN, "{\"name\":\"x\",\"llm\":{\"model_name\":\"unknown\"}}"),
        102,
        "`model_name` unknown doesn't exist");
    assertFails(
        lectern.post(CHATS, ADMIN, "{\"name\":\"x\",\"prompt\":{\"prompt\":\"Hello World\"}}"),
        102,
        "Parameter 'knowledge' is not used");
    assertFails(
        lectern.post(CHATS, ADMIN, "{\"name\":\"x\",\"prompt\":{\"rerank_model\":\"nope\"}}"),
        102,
        "`rerank_model` nope doesn't exist");
    assertFails(
        lectern.post(CHATS, ADMIN, "{\"name\":\"x\",\"tenant_id\":\"t\"}"),
        102,
        "`tenant_id` must not be provided.");
    // The dataset is checked before the name.
    assertFails(
        lectern.post(CHATS, ADMIN, "{\"name\":\"\",\"dataset_ids\":[\"nope\"]}"),
        102,
        "You don't own the dataset nope");
    assertFails(
        lectern.post(CHATS, ADMIN, "\"not json\""),
        100,
        "AttributeError(\"'str' object has no attribute 'get'\")");
    assertThat(names(lectern.get(CHATS, ADMIN))).containsExactly("test_chat_assistant_1");

    JsonNode free =
        create(
            "{\"name\":\"free\",\"prompt\":{\"prompt\":\"Hello World\",\"variables\":[]},"
                + "\"llm\":{\"model_name\":\"extractive\",\"temperature\":0.5,\"model_type\":\"chat\"}}");
    assertThat(free.get("prompt").get("variables").toString()).isEqualTo("[]");
    assertThat(free.get("llm").get("temperature").asDouble()).isEqualTo(0.5);
    assertThat(free.get("llm").get("model_type").asText()).isEqualTo("chat");
  }

  @Test
  void updateMergesLlmAndPromptAndChecksTheName() {
    String id =
        create(
                "{\"name\":\"test_chat_assistant_1\",\"dataset_ids\":[\"handbook\"],"
                    + "\"llm\":{\"temperature\":0.5},\"prompt\":{\"opener\":\"Hello!\",\"tts\":true}}")
            .get("id")
            .asText();
    create("{\"name\":\"other\"}");

    Reply changed =
        put(
            id,
            "{\"name\":\"Desk\",\"llm\":{\"max_tokens\":64},\"prompt\":{\"top_n\":3},"
                + "\"avatar\":\"data:image/png;base64,AAAA\",\"dataset_ids\":[\"handbook\",\"faq\"]}");
    assertThat(changed.body()).isEqualTo("{\"code\":0}");
    JsonNode chat = lectern.get(CHATS + "?id=" + id, ADMIN).json().get("data").get(0);
    assertThat(chat.get("name").asText()).isEqualTo("Desk");
    assertThat(chat.get("llm").get("temperature").asDouble()).isEqualTo(0.5);
    assertThat(chat.get("llm").get("max_tokens").asInt()).isEqualTo(64);
    assertThat(chat.get("prompt").get("opener").asText()).isEqualTo("Hello!");
    assertThat(chat.get("prompt").get("tts").asBoolean()).isTrue();
    assertThat(chat.get("prompt").get("top_n").asInt()).isEqualTo(3);
    assertThat(chat.get("avatar").asText()).isEqualTo("data:image/png;base64,AAAA");
    assertThat(chat.get("datasets"))
        .extracting(d -> d.get("id").asText())
        .containsExactly("handbook", "faq");
    assertThat(chat.has("dataset_ids")).isFalse();

    // Item 35.
    assertFails(put(id, "{\"name\":\"\"}"), 102, "`name` cannot be empty.");
    assertFails(put(id, "{\"name\":\"OTHER\"}"), 102, "Duplicated chat name in updating chat.");
    assertThat(put(id, "{\"name\":\"DESK\"}").json().get("code").asInt()).isZero();
    assertFails(
        put(id, "{\"prompt\":{\"prompt\":\"No passages.\"}}"),
        102,
        "Parameter 'knowledge' is not used");
    assertFails(put(id, "{\"dataset_ids\":[]}"), 109, "Datasets use different embedding models.\"");
    assertFails(put("nope", "{\"name\":\"x\"}"), 102, "You do not own the chat");
    assertThat(
            lectern.get(CHATS + "?id=" + id, ADMIN).json().get("data").get(0).get("name").asText())
        .isEqualTo("DESK");
  }

  @Test
  void listFiltersPagesAndOrders() {
    create("{\"name\":\"a\"}");
    create("{\"name\":\"b\"}");
    create("{\"name\":\"c\"}");

    assertThat(names(lectern.get(CHATS, ADMIN))).containsExactly("c", "b", "a");
    assertThat(names(lectern.get(CHATS + "?desc=false", ADMIN))).containsExactly("a", "b", "c");
    assertThat(names(lectern.get(CHATS + "?page=2&page_size=2&desc=false", ADMIN)))
        .containsExactly("c");
    assertThat(names(lectern.get(CHATS + "?orderby=name&desc=false", ADMIN)))
        .containsExactly("a", "b", "c");
    assertThat(names(lectern.get(CHATS + "?name=B", ADMIN))).containsExactly("b");
    assertThat(lectern.get(CHATS + "?page_size=0", ADMIN).json().get("data")).isEmpty();
    assertFails(lectern.get(CHATS + "?name=unknown", ADMIN), 102, "The chat doesn't exist");
    assertFails(lectern.get(CHATS + "?id=unknown", ADMIN), 102, "The chat doesn't exist");
    assertFails(
        lectern.get(CHATS + "?page=abc", ADMIN),
        100,
        "ValueError(\"invalid literal for int() with base 10: 'abc'\")");
  }

  @Test
  void deleteReportsWhatItCouldNotDelete() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(create("{\"name\":\"chat" + i + "\"}").get("id").asText());
    }

    // Item 36.
    assertFails(delete("{\"ids\":[\"invalid_id\"]}"), 102, "Assistant(invalid_id) not found.");
    Reply partial = delete("{\"ids\":[\"" + String.join("\",\"", ids) + "\",\"invalid_id\"]}");
    assertThat(partial.json().get("code").asInt()).isZero();
    assertThat(partial.json().get("data").get("success_count").asInt()).isEqualTo(5);
    assertThat(partial.json().get("data").get("errors").toString())
        .isEqualTo("[\"Assistant(invalid_id) not found.\"]");
    assertThat(lectern.get(CHATS, ADMIN).json().get("data")).isEmpty();
    assertFails(
        delete("\"not json\""), 100, "AttributeError(\"'str' object has no attribute 'get'\")");

    String a = create("{\"name\":\"a\"}").get("id").asText();
    Reply repeated = delete("{\"ids\":[\"" + a + "\",\"" + a + "\"]}");
    assertThat(repeated.json().get("code").asInt()).isZero();
    assertThat(repeated.json().get("data").get("errors").toString())
        .isEqualTo("[\"Duplicate assistant ids: " + a + "\"]");
    create("{\"name\":\"b\"}");
    create("{\"name\":\"c\"}");
    assertThat(delete(null).body()).isEqualTo("{\"code\":0}");
    assertThat(lectern.get(CHATS, ADMIN).json().get("data")).isEmpty();
  }
}
