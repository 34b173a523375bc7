package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.BASE;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.textIngest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RAGFlow datasets against a real server: reference §5 items 3-18, plus cross-dialect views. */
class RagflowDatasetsHttpTest {
  static final String DATASETS = "/api/v1/datasets";
  static final String QA_DEFAULT =
      "{\"raptor\":{\"use_raptor\":false},\"graphrag\":{\"use_graphrag\":false},"
          + "\"image_context_size\":0,\"table_context_size\":0}";

  @TempDir Path dir;
  RunningLectern lectern;

  @BeforeEach
  void start() {
    lectern = RunningLectern.start(dir);
  }

  @AfterEach
  void stop() {
    lectern.close();
  }

  JsonNode call(String method, String path, String body) {
    Reply reply = lectern.send(method, path, ADMIN, body, "application/json");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  JsonNode create(String body) {
    return call("POST", DATASETS, body);
  }

  String createNamed(String name) {
    JsonNode reply = create("{\"name\":\"" + name + "\"}");
    assertThat(reply.get("code").asInt()).as(reply.toString()).isZero();
    return reply.get("data").get("id").asText();
  }

  static void assertError(JsonNode reply, int code, String contains) {
    assertThat(reply.get("code").asInt()).as(reply.toString()).isEqualTo(code);
    assertThat(reply.get("message").asText()).contains(contains);
  }

  @Test
  void createReturnsTheDatasetWithDefaults() {
    JsonNode reply = create("{\"name\":\"  my docs  \"}");
    assertThat(reply.get("code").asInt()).isZero();
    JsonNode data = reply.get("data");
    assertThat(data.get("id").asText())
        .matches("[0-9a-f]{32}")
        .satisfies(id -> assertThat(id.charAt(12)).isEqualTo('1'));
    assertThat(data.get("name").asText()).isEqualTo("my docs");
    assertThat(data.get("chunk_method").asText()).isEqualTo("naive");
    assertThat(data.get("permission").asText()).isEqualTo("me");
    assertThat(data.get("language").asText()).isEqualTo("English");
    assertThat(data.get("document_count").asInt()).isZero();
    assertThat(data.get("parser_config").get("chunk_token_num").asInt()).isEqualTo(512);
    assertThat(data.get("parser_config").get("raptor").get("use_raptor").asBoolean()).isTrue();
    assertThat(data.get("create_date").asText())
        .matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    JsonNode withConfig = create("{\"name\":\"cfg\",\"parser_config\":{\"chunk_token_num\":128}}");
    ObjectNode expected = data.get("parser_config").deepCopy();
    expected.put("chunk_token_num", 128);
    assertThat(withConfig.get("data").get("parser_config")).isEqualTo(expected);
    assertThat(expected.get("delimiter").asText()).isEqualTo("\n");
    assertThat(expected.get("topn_tags").asInt()).isEqualTo(3);
  }

  @Test
  void nameValidationAndAutoRename() {
    assertError(
        create("{\"name\":\"" + "a".repeat(129) + "\"}"),
        101,
        "String should have at most 128 characters");
    assertThat(create("{\"name\":\"" + "a".repeat(128) + "\"}").get("code").asInt()).isZero();
    assertError(create("{\"name\":\"\"}"), 101, "String should have at least 1 character");
    assertError(create("{\"name\":\" \"}"), 101, "String should have at least 1 character");
    assertError(create("{\"name\":0}"), 101, "Input should be a valid string");
    assertError(create("{\"name\":null}"), 101, "Input should be a valid string");
    assertThat(create("{\"name\":\"duplicated_name\"}").get("data").get("name").asText())
        .isEqualTo("duplicated_name");
    assertThat(create("{\"name\":\"duplicated_name\"}").get("data").get("name").asText())
        .isEqualTo("duplicated_name(1)");
    create("{\"name\":\"CASEINSENSITIVE\"}");
    assertThat(create("{\"name\":\"caseinsensitive\"}").get("data").get("name").asText())
        .isEqualTo("caseinsensitive(1)");
  }

  @Test
  void malformedRequestsAndFieldValidation() {
    Reply xml = lectern.send("POST", DATASETS, ADMIN, "<a/>", "text/xml");
    assertError(
        xml.json(), 101, "Unsupported content type: Expected application/json, got text/xml");
    assertThat(create("a").get("message").asText())
        .isEqualTo("Malformed JSON syntax: Missing commas/brackets or invalid encoding");
    assertThat(call("POST", DATASETS, null).get("message").asText())
        .isEqualTo("Malformed JSON syntax: Missing commas/brackets or invalid encoding");
    assertThat(create("\"a\"").get("message").asText())
        .isEqualTo("Invalid request payload: expected object, got str");
    for (String extra :
        List.of(
            "\"id\":\"x\"",
            "\"tenant_id\":\"x\"",
            "\"chunk_count\":1",
            "\"pagerank\":1",
            "\"unknown\":1")) {
      assertError(create("{\"name\":\"n\"," + extra + "}"), 101, "Extra inputs are not permitted");
    }
    for (String permission : List.of("\"ME\"", "\"\"", "\" ME \"", "[]", "null")) {
      assertError(
          create("{\"name\":\"n\",\"permission\":" + permission + "}"),
          101,
          "Input should be 'me' or 'team'");
    }
    for (String method : List.of("\"unknown\"", "\"\"", "null")) {
      assertError(
          create("{\"name\":\"n\",\"chunk_method\":" + method + "}"),
          101,
          "Input should be 'naive', 'book', 'email', 'laws', 'manual', 'one', 'paper', 'picture', 'presentation', 'qa', 'table' or 'tag'");
    }
    assertThat(
            create("{\"name\":\"n\",\"embedding_model\":\"unknown@ZHIPU-AI\"}")
                .get("message")
                .asText())
        .isEqualTo("Unsupported model: <unknown@ZHIPU-AI>");
    assertError(
        create("{\"name\":\"n\",\"embedding_model\":\"nomodel\"}"),
        101,
        "Embedding model identifier must follow <model_name>@<provider> format");
    assertError(
        create("{\"name\":\"n\",\"embedding_model\":\"@Builtin\"}"),
        101,
        "Both model_name and provider must be non-empty strings");
    assertError(
        create("{\"name\":\"n\",\"parser_config\":{\"chunk_token_num\":2049}}"),
        101,
        "Input should be less than or equal to 2048");
    assertError(
        create("{\"name\":\"n\",\"parser_config\":{\"chunk_token_num\":0}}"),
        101,
        "Input should be greater than or equal to 1");
    assertError(
        create("{\"name\":\"n\",\"parser_config\":{\"chunk_token_num\":3.14}}"),
        101,
        "Input should be a valid integer");
    assertError(
        create("{\"name\":\"n\",\"parser_config\":{\"delimiter\":\"\"}}"),
        101,
        "String should have at least 1 character");
    assertError(
        create("{\"name\":\"n\",\"parser_config\":{\"delimiter\":\"" + "a".repeat(65536) + "\"}}"),
        101,
        "Parser config exceeds size limit (max 65,535 characters)");
    assertError(
        create("{\"name\":\"n\",\"avatar\":\"abc\"}"),
        101,
        "Missing MIME prefix. Expected format: data:<mime>;base64,<data>");
    assertError(
        create("{\"name\":\"n\",\"avatar\":\"data:x;base64,\"}"),
        101,
        "Unsupported MIME type. Allowed: ['image/jpeg', 'image/png']");
    assertError(
        create("{\"name\":\"n\",\"avatar\":\"" + "a".repeat(65536) + "\"}"),
        101,
        "String should have at most 65535 characters");
    assertThat(
            create("{\"name\":\"n\",\"parser_config\":{\"chunk_token_num\":0}}")
                .get("message")
                .asText())
        .isEqualTo(
            "Field: <parser_config.chunk_token_num> - Message: <Input should be greater than or equal to 1> - Value: <0>");
  }

  @Test
  void listPagesOrdersAndFilters() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(createNamed("dataset_" + i));
    }
    JsonNode all = call("GET", DATASETS, null);
    assertThat(all.get("total_datasets").asInt()).isEqualTo(5);
    assertThat(all.get("data").get(0).get("name").asText()).isEqualTo("dataset_4");
    assertThat(call("GET", DATASETS + "?page=2&page_size=2", null).get("data")).hasSize(2);
    assertThat(call("GET", DATASETS + "?page=3&page_size=2", null).get("data")).hasSize(1);
    assertThat(call("GET", DATASETS + "?page=4&page_size=2", null).get("data")).isEmpty();
    assertThat(call("GET", DATASETS + "?page_size=6", null).get("data")).hasSize(5);
    assertThat(call("GET", DATASETS + "?desc=false", null).get("data").get(0).get("name").asText())
        .isEqualTo("dataset_0");
    for (String yes : List.of("yes", "no", "y", "n", "1", "0")) {
      assertThat(call("GET", DATASETS + "?desc=" + yes, null).get("code").asInt()).isZero();
    }
    assertError(
        call("GET", DATASETS + "?page=0", null), 101, "Input should be greater than or equal to 1");
    assertError(
        call("GET", DATASETS + "?page=a", null),
        101,
        "Input should be a valid integer, unable to parse string as an integer");
    for (String orderby : List.of("", "unknown", "CREATE_TIME", "%20create_time%20")) {
      assertError(
          call("GET", DATASETS + "?orderby=" + orderby, null),
          101,
          "Input should be 'create_time' or 'update_time'");
    }
    assertError(
        call("GET", DATASETS + "?desc=unknown", null),
        101,
        "Input should be a valid boolean, unable to interpret input");
    assertError(
        call("GET", DATASETS + "?name=wrong%20name", null), 108, "lacks permission for dataset");
    for (String id :
        List.of("not_uuid", "d94a8dc02c9711f0930f7fbc369eab6d".replace("11f0", "41f0"), "")) {
      assertError(call("GET", DATASETS + "?id=" + id, null), 101, "Invalid UUID1 format");
    }
    assertThat(call("GET", DATASETS + "?id=" + ids.get(0) + "&name=dataset_1", null).get("data"))
        .isEmpty();
    assertThat(call("GET", DATASETS + "?id=" + ids.get(0), null).get("data")).hasSize(1);
    assertThat(call("GET", DATASETS + "?name=DATASET_2", null).get("data")).hasSize(1);
  }

  @Test
  void updateMergesResetsAndRefuses() {
    String id = createNamed("dataset_1");
    createNamed("other");
    assertThat(call("PUT", DATASETS + "/" + id, "{}").get("message").asText())
        .isEqualTo("No properties were modified");
    assertError(
        call("PUT", DATASETS + "/d94a8dc02c9711f0930f7fbc369eab6d", "{\"name\":\"x\"}"),
        108,
        "lacks permission for dataset");
    assertError(
        call("PUT", DATASETS + "/not-a-uuid", "{\"name\":\"x\"}"), 101, "Invalid UUID1 format");
    JsonNode clash =
        call("PUT", DATASETS + "/" + createNamed("dataset_2"), "{\"name\":\"DATASET_1\"}");
    assertThat(clash.get("code").asInt()).isEqualTo(102);
    assertThat(clash.get("message").asText()).isEqualTo("Dataset name 'DATASET_1' already exists");
    assertError(
        call("PUT", DATASETS + "/" + id, "{\"pagerank\":101}"), 101, "less than or equal to 100");
    assertError(
        call("PUT", DATASETS + "/" + id, "{\"pagerank\":null}"),
        101,
        "Input should be a valid integer");
    JsonNode qa = call("PUT", DATASETS + "/" + id, "{\"chunk_method\":\"qa\"}");
    assertThat(qa.get("data").get("parser_config").toString()).isEqualTo(QA_DEFAULT);
    JsonNode merged =
        call(
            "PUT",
            DATASETS + "/" + id,
            "{\"parser_config\":{\"raptor\":{\"max_token\":100}},\"description\":\"d\",\"language\":\"Spanish\"}");
    assertThat(merged.get("data").get("parser_config").get("raptor").toString())
        .isEqualTo("{\"use_raptor\":false,\"max_token\":100}");
    assertThat(merged.get("data").get("description").asText()).isEqualTo("d");
    assertThat(merged.get("data").get("language").asText()).isEqualTo("Spanish");
    assertThat(
            call("PUT", DATASETS + "/" + id, "{\"name\":\"Dataset_1\"}")
                .get("data")
                .get("name")
                .asText())
        .isEqualTo("Dataset_1");
  }

  @Test
  void deleteIsAllOrNothing() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(createNamed("d" + i));
    }
    assertThat(call("DELETE", DATASETS, "{\"ids\":[]}").get("code").asInt()).isZero();
    assertThat(call("GET", DATASETS, null).get("total_datasets").asInt()).isEqualTo(3);
    assertError(
        call("DELETE", DATASETS, "{\"ids\":[\"" + ids.get(0) + "\",\"" + ids.get(0) + "\"]}"),
        101,
        "Duplicate ids:");
    assertError(
        call(
            "DELETE",
            DATASETS,
            "{\"ids\":[\"" + ids.get(0) + "\",\"d94a8dc02c9711f0930f7fbc369eab6d\"]}"),
        108,
        "lacks permission for dataset");
    assertThat(call("GET", DATASETS, null).get("total_datasets").asInt()).isEqualTo(3);
    assertThat(call("DELETE", DATASETS, "{\"ids\":[\"" + ids.get(0) + "\"]}").toString())
        .isEqualTo("{\"code\":0}");
    assertError(
        call("DELETE", DATASETS, "{\"ids\":[\"" + ids.get(0) + "\"]}"),
        108,
        "lacks permission for dataset");
    assertError(call("DELETE", DATASETS, "{}"), 101, "Field required");
    assertThat(call("DELETE", DATASETS, "{\"ids\":null}").get("code").asInt()).isZero();
    assertThat(call("GET", DATASETS, null).get("total_datasets").asInt()).isZero();
  }

  @Test
  void zylonCollectionsAreDatasetsAndDatasetsTakeZylonIngests() {
    assertThat(
            lectern
                .post(
                    BASE + "ingest",
                    ADMIN,
                    textIngest("zylon-col", "a1", "Alpha beta gamma.", "{}"))
                .status())
        .isEqualTo(200);
    JsonNode listed = call("GET", DATASETS + "?name=zylon-col", null);
    JsonNode dataset = listed.get("data").get(0);
    assertThat(dataset.get("id").asText()).isEqualTo("zylon-col");
    assertThat(dataset.get("document_count").asInt()).isEqualTo(1);
    assertThat(dataset.get("chunk_count").asInt()).isEqualTo(1);
    assertThat(dataset.get("parser_config").get("chunk_token_num").asInt()).isEqualTo(512);

    String spanish =
        create("{\"name\":\"es\",\"language\":\"Spanish\"}").get("data").get("id").asText();
    assertThat(
            lectern
                .post(
                    BASE + "ingest",
                    ADMIN,
                    textIngest(spanish, "doc", "Las bibliotecas públicas ofrecen libros.", "{}"))
                .status())
        .isEqualTo(200);
    JsonNode found =
        call(
            "POST",
            "/api/v1/retrieval",
            "{\"question\":\"biblioteca\",\"dataset_ids\":[\"" + spanish + "\"]}");
    assertThat(found.get("data").get("total").asInt()).isEqualTo(1);

    assertThat(call("DELETE", DATASETS, "{\"ids\":[\"zylon-col\"]}").get("code").asInt()).isZero();
    assertThat(lectern.get(BASE + "list?collection=zylon-col", ADMIN).status()).isEqualTo(404);
    assertThat(lectern.wiring().chunkIndex().size()).isEqualTo(1);
  }
}
