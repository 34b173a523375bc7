package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One assistant across the four dialects, with the built-in model: a document ingested through
 * Zylon, the assistant created as a RAGFlow chat, asked through AIFlowy and through Timeweb (a
 * conversation continued with {@code parent_message_id}), every answer drawn from that document.
 */
class FourDialectsHttpTest {
  static final String SENTENCE = "Refunds take five working days once approved.";

  @TempDir static Path dir;
  static RunningLectern lectern;

  @BeforeAll
  static void start() {
    lectern = RunningLectern.start(dir);
  }

  @AfterAll
  static void stop() {
    lectern.close();
  }

  @Test
  void aDocumentIngestedThroughZylonAnswersInEveryDialect() {
    lectern.ingestText(
        "handbook", "policies", "Our office opens at nine. " + SENTENCE, "policies.txt");
    String chat = lectern.ragflowChat("Desk", "handbook");
    String key =
        lectern
            .post("/lectern/v1/assistants/" + chat + "/keys", ADMIN, "{\"name\":\"site\"}")
            .json()
            .get("key")
            .asText();

    JsonNode bot =
        lectern
            .post(
                "/v1/chat/completions",
                key,
                "{\"messages\":[{\"role\":\"user\",\"content\":\"How long do refunds take?\"}]}")
            .json();
    assertThat(bot.at("/choices/message/content").asText()).contains(SENTENCE + " [1]");

    String call = "/api/v1/cloud-ai/agents/" + chat + "/call";
    JsonNode first = lectern.post(call, key, "{\"message\":\"When does the office open?\"}").json();
    assertThat(first.get("message").asText()).contains("Our office opens at nine.");
    JsonNode second =
        lectern
            .post(
                call,
                key,
                "{\"message\":\"How long do refunds take?\",\"parent_message_id\":\""
                    + first.get("id").asText()
                    + "\"}")
            .json();
    assertThat(second.get("message").asText()).contains(SENTENCE);

    // Timeweb's conversation is one of the chat's RAGFlow sessions, its answers citing the
    // document.
    JsonNode sessions =
        lectern.get("/api/v1/chats/" + chat + "/sessions", ADMIN).json().get("data");
    assertThat(sessions).hasSize(1);
    JsonNode messages = sessions.get(0).get("messages");
    assertThat(messages.findValuesAsText("content"))
        .contains("When does the office open?", "How long do refunds take?");
    assertThat(messages.get(messages.size() - 1).at("/reference/0/document_name").asText())
        .isEqualTo("policies.txt");
  }
}
