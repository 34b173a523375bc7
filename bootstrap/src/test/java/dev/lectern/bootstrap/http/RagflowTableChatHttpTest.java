package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chat over a dataset parsed with the {@code table} method answers questions about its rows, with
 * the built-in model: each row is a chunk that names its columns.
 */
class RagflowTableChatHttpTest {
  static final String CSV =
      "product,price,stock\n"
          + "Desk lamp,79,12\n"
          + "Kettle,25,40\n"
          + "Office chair,149,5\n"
          + "Bookshelf,99,7\n"
          + "Monitor stand,45,30\n";

  @TempDir static Path dir;
  static RunningLectern lectern;
  static String chat;

  @BeforeAll
  static void start() throws Exception {
    lectern = RunningLectern.start(dir);
    String dataset =
        lectern
            .post("/api/v1/datasets", ADMIN, "{\"name\":\"catalogue\",\"chunk_method\":\"table\"}")
            .json()
            .at("/data/id")
            .asText();
    String docs = "/api/v1/datasets/" + dataset + "/documents";
    JsonNode uploaded =
        lectern
            .upload(
                docs,
                ADMIN,
                "file",
                List.of(Map.entry("catalogue.csv", CSV.getBytes(StandardCharsets.UTF_8))))
            .json();
    String document = uploaded.at("/data/0/id").asText();
    lectern.post(
        "/api/v1/datasets/" + dataset + "/chunks",
        ADMIN,
        "{\"document_ids\":[\"" + document + "\"]}");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!lectern
        .get(docs + "?id=" + document, ADMIN)
        .json()
        .at("/data/docs/0/run")
        .asText()
        .equals("DONE")) {
      assertThat(Instant.now()).as("parsing finished").isBefore(deadline);
      Thread.sleep(50);
    }
    chat =
        lectern
            .post(
                "/api/v1/chats",
                ADMIN,
                "{\"name\":\"Catalogue\",\"dataset_ids\":[\"" + dataset + "\"]}")
            .json()
            .at("/data/id")
            .asText();
  }

  @AfterAll
  static void stop() {
    lectern.close();
  }

  static String converse(String question) {
    String completions = "/api/v1/chats/" + chat + "/completions";
    String session = RagflowConverseHttpTest.openSession(lectern, completions);
    Reply reply =
        lectern.post(
            completions,
            ADMIN,
            "{\"question\":\""
                + question
                + "\",\"stream\":false,\"session_id\":\""
                + session
                + "\"}");
    return reply.json().at("/data/answer").asText();
  }

  @Test
  void aQuestionAboutAValueFindsItsRow() {
    String answer = converse("Which product has price 79?");

    assertThat(answer).contains("product: Desk lamp").contains("[ID:0]");
    assertThat(answer).doesNotContain("Kettle", "Office chair", "Bookshelf", "Monitor stand");
  }

  @Test
  void aQuestionAboutARowFindsItsOtherColumns() {
    String answer = converse("What is the price of the office chair?");

    assertThat(answer).contains("product: Office chair; price: 149");
    assertThat(answer).doesNotContain("Desk lamp", "Kettle");
  }

  @Test
  void theOpenAiCompatibleEndpointAnswersRowsToo() {
    JsonNode completion =
        lectern
            .post(
                "/api/v1/chats_openai/" + chat + "/chat/completions",
                ADMIN,
                "{\"model\":\"model\",\"stream\":false,"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"How many kettles are in stock?\"}]}")
            .json();

    assertThat(completion.at("/choices/0/message/content").asText())
        .contains("product: Kettle; price: 25; stock: 40");
  }
}
