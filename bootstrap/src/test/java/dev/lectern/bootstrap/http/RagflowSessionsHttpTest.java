package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RagflowChatsHttpTest.assertFails;
import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
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

/** RAGFlow's chat sessions (reference §3.6 and §5 items 37–38) over Lectern's conversations. */
class RagflowSessionsHttpTest {
  @TempDir static Path dir;
  static RunningLectern lectern;
  String chat;
  String sessions;

  @BeforeAll
  static void start() {
    lectern = RunningLectern.start(dir);
  }

  @AfterAll
  static void stop() {
    lectern.close();
  }

  @BeforeEach
  void aChat() {
    lectern.send("DELETE", "/api/v1/chats", ADMIN, "{}", "application/json");
    Reply created =
        lectern.post(
            "/api/v1/chats", ADMIN, "{\"name\":\"Desk\",\"prompt\":{\"opener\":\"Hello!\"}}");
    chat = created.json().get("data").get("id").asText();
    sessions = "/api/v1/chats/" + chat + "/sessions";
  }

  JsonNode create(String body) {
    Reply reply = lectern.post(sessions, ADMIN, body);
    assertThat(reply.json().get("code").asInt()).as(reply.body()).isZero();
    return reply.json().get("data");
  }

  Reply put(String id, String body) {
    return lectern.send("PUT", sessions + "/" + id, ADMIN, body, "application/json");
  }

  Reply delete(String body) {
    return lectern.send("DELETE", sessions, ADMIN, body, "application/json");
  }

  List<String> names(String query) {
    List<String> names = new ArrayList<>();
    Reply list = lectern.get(sessions + query, ADMIN);
    assertThat(list.json().get("code").asInt()).as(list.body()).isZero();
    list.json().get("data").forEach(s -> names.add(s.get("name").asText()));
    return names;
  }

  @Test
  void aSessionOpensWithTheChatsOpener() {
    JsonNode session = create("{\"name\":\"valid_name\",\"user_id\":\"u1\"}");

    assertThat(session.get("id").asText()).matches("[0-9a-f]{32}");
    assertThat(session.get("chat_id").asText()).isEqualTo(chat);
    assertThat(session.get("name").asText()).isEqualTo("valid_name");
    assertThat(session.get("user_id").asText()).isEqualTo("u1");
    assertThat(session.get("messages").toString())
        .isEqualTo("[{\"content\":\"Hello!\",\"role\":\"assistant\"}]");
    assertThat(session.has("reference")).isFalse();
    assertThat(session.get("create_time").asLong()).isPositive();
    List<String> keys = new ArrayList<>();
    session.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).isSorted();

    assertThat(create("{}").get("name").asText()).isEqualTo("New session");
    // Duplicate names are allowed.
    create("{\"name\":\"valid_name\"}");
    // Item 37.
    assertFails(lectern.post(sessions, ADMIN, "{\"name\":\"\"}"), 102, "`name` can not be empty.");
    assertFails(
        lectern.post("/api/v1/chats/invalid_chat/sessions", ADMIN, "{\"name\":\"x\"}"),
        102,
        "You do not own the assistant.");
  }

  @Test
  void updateChangesTheNameOnlyAndSaysWhatItRefuses() {
    String id = create("{\"name\":\"first\"}").get("id").asText();

    assertThat(put(id, "{\"name\":\"renamed\"}").body()).isEqualTo("{\"code\":0}");
    assertThat(names("?id=" + id)).containsExactly("renamed");
    assertThat(put(id, "{}").body()).isEqualTo("{\"code\":0}");
    assertFails(put(id, "{\"name\":\"\"}"), 102, "`name` can not be empty.");
    assertFails(put(id, "{\"messages\":[]}"), 102, "`message` can not be change");
    assertFails(put(id, "{\"reference\":[]}"), 102, "`reference` can not be change");
    assertFails(put("invalid_session_id", "{\"name\":\"x\"}"), 102, "Session does not exist");
    assertFails(
        lectern.send(
            "PUT",
            "/api/v1/chats/nope/sessions/" + id,
            ADMIN,
            "{\"name\":\"x\"}",
            "application/json"),
        102,
        "Session does not exist");
    assertThat(names("?id=" + id)).containsExactly("renamed");
  }

  @Test
  void listFiltersPagesAndOrders() {
    for (int i = 0; i < 5; i++) {
      create(
          "{\"name\":\"session_with_chat_assistant_" + i + "\",\"user_id\":\"u" + (i % 2) + "\"}");
    }

    assertThat(names("")).hasSize(5).first().isEqualTo("session_with_chat_assistant_4");
    assertThat(names("?page=2&page_size=2")).hasSize(2);
    assertThat(names("?page=3&page_size=2")).hasSize(1);
    assertThat(names("?page_size=0")).isEmpty();
    assertThat(names("?page_size=6")).hasSize(5);
    assertThat(names("?orderby=name&desc=false"))
        .containsExactly(
            "session_with_chat_assistant_0",
            "session_with_chat_assistant_1",
            "session_with_chat_assistant_2",
            "session_with_chat_assistant_3",
            "session_with_chat_assistant_4");
    assertThat(names("?name=session_with_chat_assistant_2"))
        .containsExactly("session_with_chat_assistant_2");
    assertThat(names("?name=unknown")).isEmpty();
    assertThat(names("?id=unknown")).isEmpty();
    assertThat(names("?user_id=u1")).hasSize(2);
    assertThat(names("?unknown_param=1")).hasSize(5);
    assertFails(
        lectern.get("/api/v1/chats/nope/sessions", ADMIN),
        102,
        "You don't own the assistant nope.");
    assertFails(
        lectern.get(sessions + "?page_size=abc", ADMIN),
        100,
        "ValueError(\"invalid literal for int() with base 10: 'abc'\")");
  }

  @Test
  void deleteReportsWhatTheChatDoesNotOwn() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(create("{\"name\":\"s" + i + "\"}").get("id").asText());
    }

    // Item 38.
    assertFails(
        delete("{\"ids\":[\"invalid_id\"]}"), 102, "The chat doesn't own the session invalid_id");
    assertThat(names("")).hasSize(5);
    assertThat(delete("{\"ids\":[\"" + ids.get(0) + "\"]}").body()).isEqualTo("{\"code\":0}");
    Reply partial = delete("{\"ids\":[\"" + ids.get(1) + "\",\"invalid_id\"]}");
    assertThat(partial.json().get("code").asInt()).isZero();
    assertThat(partial.json().get("data").toString())
        .isEqualTo(
            "{\"success_count\":1,\"errors\":[\"The chat doesn't own the session invalid_id\"]}");
    Reply twice = delete("{\"ids\":[\"" + ids.get(2) + "\",\"" + ids.get(2) + "\"]}");
    assertThat(twice.json().get("data").get("errors").get(0).asText())
        .isEqualTo("Duplicate session ids: " + ids.get(2));
    assertFails(
        lectern.send("DELETE", "/api/v1/chats/nope/sessions", ADMIN, "{}", "application/json"),
        102,
        "You don't own the chat");
    assertThat(delete("{\"ids\":[]}").body()).isEqualTo("{\"code\":0}");
    assertThat(names("")).isEmpty();
  }
}
