package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.BASE;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.textIngest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RAGFlow {@code /retrieval}, auth and routing (reference §5 items 1, 2, 32, 42). */
class RagflowRetrievalHttpTest {
  static final String RETRIEVAL = "/api/v1/retrieval";

  @TempDir static Path dir;
  static RunningLectern lectern;

  @BeforeAll
  static void start() {
    lectern = RunningLectern.start(dir);
    ingest(
        "kb1",
        "a",
        "The quarterly revenue report covers revenue by region.",
        "{\"author\":\"Ann\",\"year\":2024}");
    ingest(
        "kb1",
        "b",
        "Revenue forecasts for next year look strong.",
        "{\"author\":\"Bob\",\"year\":2021}");
    ingest("kb1", "c", "Revenue recognition rules changed.", "{\"author\":\"Ann\",\"year\":2019}");
    ingest("kb2", "d", "Regional revenue dashboards are updated daily.", "{\"author\":\"Cy\"}");
    ingest("kb2", "e", "Lunch menu for the week.", "{}");
  }

  static void ingest(String collection, String artifact, String text, String metadata) {
    assertThat(
            lectern
                .post(BASE + "ingest", ADMIN, textIngest(collection, artifact, text, metadata))
                .status())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    lectern.close();
  }

  static JsonNode retrieve(String body) {
    Reply reply = lectern.post(RETRIEVAL, ADMIN, body);
    assertThat(reply.status()).isEqualTo(200);
    return reply.json();
  }

  @Test
  void missingAuthorizationIsCodeZeroAndABadKeyIs109() {
    Reply none = lectern.post(RETRIEVAL, null, "{}");
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.json().get("code").asInt()).isZero();
    assertThat(none.json().get("message").asText()).isEqualTo("`Authorization` can't be empty");
    assertThat(none.json().get("data").asBoolean()).isFalse();
    Reply bad = lectern.post(RETRIEVAL, "invalid_key_123", "{}");
    assertThat(bad.json().get("code").asInt()).isEqualTo(109);
    assertThat(bad.json().get("message").asText())
        .isEqualTo("Authentication error: API key is invalid!");
    Reply oneToken = lectern.post(RETRIEVAL, null, "{}", "Authorization", "tokenonly");
    assertThat(oneToken.json().get("message").asText())
        .isEqualTo("Please check your authorization format.");
  }

  @Test
  void unknownRouteIsAnHttp404InRagflowShape() {
    Reply reply = lectern.get("/api/v1/__missing_route__", ADMIN);
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("code").asInt()).isEqualTo(404);
    assertThat(reply.json().get("error").asText()).isEqualTo("Not Found");
    assertThat(reply.json().get("message").asText()).contains("/api/v1/__missing_route__");
  }

  @Test
  void zylonIngestsAreRetrievedWithScoresDocAggsAndPaging() {
    JsonNode all =
        retrieve(
            "{\"question\":\"revenue\",\"dataset_ids\":[\"kb1\",\"kb2\"],\"similarity_threshold\":0}");
    assertThat(all.get("code").asInt()).isZero();
    JsonNode data = all.get("data");
    assertThat(data.get("total").asInt()).isEqualTo(4);
    JsonNode first = data.get("chunks").get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactly(
            "id",
            "content",
            "content_ltks",
            "document_id",
            "document_keyword",
            "dataset_id",
            "image_id",
            "important_keywords",
            "questions",
            "positions",
            "similarity",
            "vector_similarity",
            "term_similarity");
    assertThat(first.get("similarity").asDouble()).isBetween(0.0, 1.0);
    assertThat(first.get("term_similarity").asDouble())
        .isEqualTo(first.get("similarity").asDouble());
    assertThat(first.get("document_keyword").asText()).isEqualTo("text_content.txt");
    assertThat(data.get("doc_aggs")).hasSize(4);
    assertThat(data.get("doc_aggs").get(0).fieldNames())
        .toIterable()
        .containsExactly("doc_name", "doc_id", "count");

    String paged =
        "{\"question\":\"revenue\",\"dataset_ids\":[\"kb1\",\"kb2\"],\"similarity_threshold\":0,"
            + "\"page\":%d,\"page_size\":2,\"unknown_key\":1}";
    assertThat(retrieve(paged.formatted(2)).get("data").get("chunks")).hasSize(2);
    assertThat(retrieve(paged.formatted(3)).get("data").get("chunks")).isEmpty();
  }

  @Test
  void highlightDocumentIdsAndMetadataConditions() {
    JsonNode lit =
        retrieve("{\"question\":\"revenue\",\"dataset_ids\":[\"kb1\"],\"highlight\":\"True\"}");
    assertThat(lit.get("data").get("chunks"))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.get("highlight").asText()).contains("<em>"));
    JsonNode plain =
        retrieve("{\"question\":\"revenue\",\"dataset_ids\":[\"kb1\"],\"highlight\":\"False\"}");
    assertThat(plain.get("data").get("chunks"))
        .allSatisfy(c -> assertThat(c.has("highlight")).isFalse());

    JsonNode onlyD =
        retrieve(
            "{\"question\":\"revenue\",\"dataset_ids\":[\"kb1\",\"kb2\"],\"document_ids\":[\"d\"]}");
    assertThat(onlyD.get("data").get("chunks")).hasSize(1);

    JsonNode annRecent =
        retrieve(
            """
            {"question":"revenue","dataset_ids":["kb1"],"similarity_threshold":0,
             "metadata_condition":{"logic":"and","conditions":[
               {"name":"author","comparison_operator":"is","value":"ann"},
               {"name":"year","comparison_operator":"≥","value":"2020"}]}}""");
    assertThat(annRecent.get("data").get("chunks"))
        .singleElement()
        .satisfies(c -> assertThat(c.get("document_id").asText()).isEqualTo("a"));
    JsonNode none =
        retrieve(
            """
            {"question":"revenue","dataset_ids":["kb1"],
             "metadata_condition":{"conditions":[
               {"name":"author","comparison_operator":"=","value":"nobody"}]}}""");
    assertThat(none.get("data").get("total").asInt()).isZero();
  }

  @Test
  void errorsUseRagflowCodesAndMessages() {
    assertThat(retrieve("{\"question\":\"x\"}").get("message").asText())
        .isEqualTo("`dataset_ids` is required.");
    assertThat(retrieve("{\"dataset_ids\":[\"kb1\"]}").get("message").asText())
        .isEqualTo("`question` is required.");
    JsonNode notOwned = retrieve("{\"question\":\"x\",\"dataset_ids\":[\"nope\"]}");
    assertThat(notOwned.get("code").asInt()).isEqualTo(102);
    assertThat(notOwned.get("message").asText()).isEqualTo("You don't own the dataset nope.");
    assertThat(retrieve("{\"question\":\"x\",\"dataset_ids\":\"kb1\"}").get("message").asText())
        .isEqualTo("`dataset_ids` should be a list");
    assertThat(
            retrieve("{\"question\":\"x\",\"dataset_ids\":[\"kb1\"],\"document_ids\":[\"zz\"]}")
                .get("message")
                .asText())
        .isEqualTo("The datasets don't own the document zz");
    assertThat(
            retrieve("{\"question\":\"x\",\"dataset_ids\":[\"kb1\"],\"highlight\":\"maybe\"}")
                .get("message")
                .asText())
        .isEqualTo("`highlight` should be a boolean");
    JsonNode blank = retrieve("{\"question\":\"  \",\"dataset_ids\":[\"kb1\"]}");
    assertThat(blank.get("code").asInt()).isZero();
    assertThat(blank.get("data").toString())
        .isEqualTo("{\"total\":0,\"chunks\":[],\"doc_aggs\":{}}");
    assertThat(
            retrieve("{\"question\":\"x\",\"dataset_ids\":[\"kb1\"],\"page\":\"a\"}")
                .get("code")
                .asInt())
        .isEqualTo(100);
  }

  @Test
  void deletedDocumentsAreNoLongerRetrieved() {
    ingest("kb3", "gone", "Ephemeral zebra facts.", "{}");
    String question =
        "{\"question\":\"zebra\",\"dataset_ids\":[\"kb3\"],\"similarity_threshold\":0}";
    assertThat(retrieve(question).get("data").get("total").asInt()).isEqualTo(1);
    assertThat(
            lectern
                .post(BASE + "delete", ADMIN, "{\"collection\":\"kb3\",\"artifact\":\"gone\"}")
                .status())
        .isEqualTo(200);
    assertThat(retrieve(question).get("data").get("total").asInt()).isZero();
  }
}
