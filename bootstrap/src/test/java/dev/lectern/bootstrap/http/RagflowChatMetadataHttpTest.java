package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.BASE;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.textIngest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chat's answers drawn only from the documents a {@code metadata_condition} admits, and the
 * documents' metadata in the reference when {@code reference_metadata} asks for it.
 */
class RagflowChatMetadataHttpTest {
  static final String CONDITION =
      "\"metadata_condition\":{\"logic\":\"and\",\"conditions\":"
          + "[{\"name\":\"author\",\"comparison_operator\":\"is\",\"value\":\"bob\"}]}";

  @TempDir static Path dir;
  static RunningLectern lectern;
  static String chat;

  @BeforeAll
  static void start() {
    lectern = RunningLectern.start(dir);
    for (String[] doc :
        new String[][] {
          {"ann", "Refunds take five working days.", "Ann"},
          {"bob", "Refunds take ten working days for orders abroad.", "Bob"}
        }) {
      assertThat(
              lectern
                  .post(
                      BASE + "ingest",
                      ADMIN,
                      textIngest(
                          "policies",
                          doc[0],
                          doc[1],
                          "{\"file_name\":\""
                              + doc[0]
                              + ".txt\",\"author\":\""
                              + doc[2]
                              + "\","
                              + "\"year\":2024}"))
                  .status())
          .isEqualTo(200);
    }
    chat = lectern.ragflowChat("Desk", "policies");
  }

  @AfterAll
  static void stop() {
    lectern.close();
  }

  @Test
  void converseDrawsOnlyOnTheDocumentsTheConditionAdmits() {
    String completions = "/api/v1/chats/" + chat + "/completions";
    String session = RagflowConverseHttpTest.openSession(lectern, completions);
    JsonNode data =
        lectern
            .post(
                completions,
                ADMIN,
                "{\"question\":\"How long do refunds take?\",\"stream\":false,\"session_id\":\""
                    + session
                    + "\","
                    + CONDITION
                    + "}")
            .json()
            .get("data");

    assertThat(data.at("/reference/doc_aggs").findValuesAsText("doc_name"))
        .containsExactly("bob.txt");
    assertThat(data.get("answer").asText()).contains("ten working days");
  }

  @Test
  void theOpenAiEndpointFiltersAndAddsTheMetadataAskedFor() {
    JsonNode completion =
        lectern
            .post(
                "/api/v1/chats_openai/" + chat + "/chat/completions",
                ADMIN,
                "{\"model\":\"model\",\"stream\":false,\"extra_body\":{\"reference\":true,"
                    + "\"reference_metadata\":{\"include\":true,\"fields\":[\"author\"]},"
                    + CONDITION
                    + "},\"messages\":[{\"role\":\"user\",\"content\":\"How long do refunds take?\"}]}")
            .json();

    JsonNode reference = completion.at("/choices/0/message/reference");
    assertThat(reference).hasSize(1);
    assertThat(reference.get(0).get("document_name").asText()).isEqualTo("bob.txt");
    assertThat(reference.get(0).get("document_metadata").toString())
        .isEqualTo("{\"author\":\"Bob\"}");
  }

  @Test
  void allTheMetadataWhenNoFieldsAreNamedAndNoneWhenNotAsked() {
    String path = "/api/v1/chats_openai/" + chat + "/chat/completions";
    String ask =
        "\"messages\":[{\"role\":\"user\",\"content\":\"How long do refunds take abroad?\"}]}";
    JsonNode all =
        lectern
            .post(
                path,
                ADMIN,
                "{\"model\":\"model\",\"stream\":false,\"reference\":true,"
                    + "\"reference_metadata\":{\"include\":true},"
                    + ask)
            .json()
            .at("/choices/0/message/reference/0/document_metadata");
    assertThat(all.get("author").asText()).isNotEmpty();
    assertThat(all.get("year").asInt()).isEqualTo(2024);
    JsonNode plain =
        lectern
            .post(path, ADMIN, "{\"model\":\"model\",\"stream\":false,\"reference\":true," + ask)
            .json()
            .at("/choices/0/message/reference/0");
    assertThat(plain.has("document_metadata")).isFalse();
  }
}
