package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.BASE;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.textIngest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RAGFlow documents against a real server: reference §5 items 19-25. */
class RagflowDocumentsHttpTest {
  @TempDir Path dir;
  RunningLectern lectern;
  String dataset;

  @BeforeEach
  void start() {
    lectern = RunningLectern.start(dir);
    dataset =
        lectern
            .send("POST", "/api/v1/datasets", ADMIN, "{\"name\":\"docs\"}", "application/json")
            .json()
            .get("data")
            .get("id")
            .asText();
  }

  @AfterEach
  void stop() {
    lectern.close();
  }

  String docs() {
    return "/api/v1/datasets/" + dataset + "/documents";
  }

  static Map.Entry<String, byte[]> file(String name, String content) {
    return Map.entry(name, content.getBytes(StandardCharsets.UTF_8));
  }

  JsonNode upload(List<Map.Entry<String, byte[]>> files) {
    Reply reply = lectern.upload(docs(), ADMIN, "file", files);
    assertThat(reply.status()).isEqualTo(200);
    return reply.json();
  }

  List<String> uploadTexts(int count) {
    List<Map.Entry<String, byte[]>> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      files.add(file("doc" + i + ".txt", "document number " + i));
    }
    List<String> ids = new ArrayList<>();
    upload(files).get("data").forEach(d -> ids.add(d.get("id").asText()));
    return ids;
  }

  JsonNode call(String method, String path, String body) {
    Reply reply = lectern.send(method, path, ADMIN, body, body == null ? null : "application/json");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  static void assertError(JsonNode reply, int code, String message) {
    assertThat(reply.get("code").asInt()).as(reply.toString()).isEqualTo(code);
    assertThat(reply.get("message").asText()).isEqualTo(message);
  }

  @Test
  void uploadStoresUnparsedDocumentsAndRenamesDuplicates() {
    JsonNode reply = upload(List.of(file("f.txt", "one"), file("f.txt", "two")));
    assertThat(reply.get("code").asInt()).isZero();
    JsonNode data = reply.get("data");
    assertThat(data).hasSize(2);
    assertThat(data.get(0).get("name").asText()).isEqualTo("f.txt");
    assertThat(data.get(1).get("name").asText()).isEqualTo("f(1).txt");
    JsonNode first = data.get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactly(
            "id",
            "name",
            "location",
            "dataset_id",
            "chunk_method",
            "parser_config",
            "size",
            "type",
            "suffix",
            "thumbnail",
            "created_by",
            "run");
    assertThat(first.get("run").asText()).isEqualTo("UNSTART");
    assertThat(first.get("dataset_id").asText()).isEqualTo(dataset);
    assertThat(first.get("size").asInt()).isEqualTo(3);
    assertThat(first.get("suffix").asText()).isEqualTo("txt");
    assertThat(first.get("id").asText()).matches("[0-9a-f]{32}");
    assertThat(upload(List.of(file("f.txt", "three"))).get("data").get(0).get("name").asText())
        .isEqualTo("f(2).txt");
    String longName = "a".repeat(251) + ".txt";
    assertThat(upload(List.of(file(longName, "x"))).get("code").asInt()).isZero();
    assertThat(upload(List.of(file("empty.txt", ""))).get("code").asInt()).isZero();
  }

  @Test
  void uploadErrors() {
    assertError(
        lectern.send("POST", docs(), ADMIN, "{}", "application/json").json(), 101, "No file part!");
    assertError(upload(List.of(file("", "x"))), 101, "No file selected!");
    assertError(
        upload(List.of(file("ragflow_test.exe", "MZ"))),
        500,
        "ragflow_test.exe: This type of file has not been supported yet!");
    assertError(
        lectern
            .upload(
                "/api/v1/datasets/invalid_dataset_id/documents",
                ADMIN,
                "file",
                List.of(file("a.txt", "x")))
            .json(),
        100,
        "LookupError(\"Can't find the dataset with ID invalid_dataset_id!\")");
    assertError(
        upload(List.of(file("a".repeat(256) + ".txt", "x"))),
        101,
        "File name must be 255 bytes or less.");
    assertThat(call("GET", docs(), null).get("data").get("total").asInt()).isZero();
  }

  @Test
  void listFiltersAndPages() {
    uploadTexts(5);
    upload(List.of(file("notes.md", "# notes")));
    JsonNode all = call("GET", docs(), null).get("data");
    assertThat(all.get("total").asInt()).isEqualTo(6);
    JsonNode doc = all.get("docs").get(0);
    assertThat(doc.get("run").asText()).isEqualTo("UNSTART");
    assertThat(doc.get("progress").asDouble()).isZero();
    assertThat(doc.get("status").asText()).isEqualTo("1");
    assertThat(doc.get("meta_fields").isObject()).isTrue();
    assertThat(call("GET", docs() + "?page=2&page_size=4", null).get("data").get("docs"))
        .hasSize(2);
    assertThat(call("GET", docs() + "?page_size=0", null).get("data").get("docs")).isEmpty();
    assertThat(call("GET", docs() + "?keywords=DOC", null).get("data").get("total").asInt())
        .isEqualTo(5);
    assertThat(call("GET", docs() + "?suffix=md", null).get("data").get("total").asInt())
        .isEqualTo(1);
    assertThat(call("GET", docs() + "?run=UNSTART&run=DONE", null).get("data").get("total").asInt())
        .isEqualTo(6);
    assertThat(call("GET", docs() + "?run=3", null).get("data").get("total").asInt()).isZero();
    assertThat(
            call("GET", docs() + "?name=doc1.txt&whatever=1", null)
                .get("data")
                .get("total")
                .asInt())
        .isEqualTo(1);
    assertThat(
            call("GET", docs() + "?desc=false", null)
                .get("data")
                .get("docs")
                .get(0)
                .get("name")
                .asText())
        .isEqualTo("doc0.txt");
    assertThat(call("GET", docs() + "?create_time_from=1", null).get("data").get("total").asInt())
        .isEqualTo(6);
    assertThat(call("GET", docs() + "?create_time_to=1", null).get("data").get("total").asInt())
        .isZero();
    assertError(
        call("GET", "/api/v1/datasets/invalid_dataset_id/documents", null),
        102,
        "You don't own the dataset invalid_dataset_id. ");
    assertError(
        call("GET", docs() + "?name=unknown.txt", null),
        102,
        "You don't own the document unknown.txt.");
    assertError(
        call("GET", docs() + "?metadata_condition=%7Bbad", null),
        102,
        "metadata_condition must be valid JSON.");
  }

  @Test
  void updateRenamesAndGuardsFields() {
    List<String> ids = uploadTexts(2);
    String doc = docs() + "/" + ids.get(0);
    assertError(
        call("PUT", doc, "{\"name\":\"doc0\"}"), 101, "The extension of file can't be changed");
    assertError(call("PUT", doc, "{\"name\":\"\"}"), 101, "The extension of file can't be changed");
    assertError(
        call("PUT", doc, "{\"name\":\"doc1.txt\"}"),
        102,
        "Duplicated document name in the same dataset.");
    assertThat(call("PUT", doc, "{\"name\":\"DOC1.txt\"}").get("data").get("name").asText())
        .isEqualTo("DOC1.txt");
    assertError(call("PUT", doc, "{\"chunk_count\":1}"), 102, "Can't change `chunk_count`.");
    assertError(call("PUT", doc, "{\"chunk_method\":\"\"}"), 102, "`chunk_method`  doesn't exist");
    assertError(
        call("PUT", doc, "{\"meta_fields\":\"test\"}"), 102, "meta_fields must be a dictionary");
    assertError(
        call("PUT", docs() + "/nope", "{\"name\":\"x.txt\"}"),
        102,
        "The dataset doesn't own the document.");
    JsonNode changed =
        call(
                "PUT",
                doc,
                "{\"meta_fields\":{\"author\":\"Ann\"},\"chunk_method\":\"qa\",\"enabled\":0}")
            .get("data");
    assertThat(changed.get("meta_fields").get("author").asText()).isEqualTo("Ann");
    assertThat(changed.get("chunk_method").asText()).isEqualTo("qa");
    assertThat(changed.get("status").asText()).isEqualTo("0");
    assertThat(changed.get("parser_config").toString())
        .isEqualTo(
            "{\"raptor\":{\"use_raptor\":false},\"graphrag\":{\"use_graphrag\":false},\"image_context_size\":0,\"table_context_size\":0}");
  }

  @Test
  void downloadReturnsTheOriginalBytes() {
    byte[] original = "Ünïcödé bytes\n\u0000 and more".getBytes(StandardCharsets.UTF_8);
    String id =
        upload(List.of(Map.entry("raw.txt", original))).get("data").get(0).get("id").asText();
    assertThat(lectern.getBytes(docs() + "/" + id, ADMIN)).isEqualTo(original);
    assertError(call("GET", docs() + "/nope", null), 102, "The dataset not own the document nope.");
    assertError(
        call("GET", "/api/v1/datasets/bad/documents/" + id, null),
        102,
        "You do not own the dataset bad.");
    String empty = upload(List.of(file("empty.txt", ""))).get("data").get(0).get("id").asText();
    assertError(call("GET", docs() + "/" + empty, null), 102, "This file is empty.");
  }

  @Test
  void deleteHasRagflowsPartialFailureSemantics() {
    List<String> ids = uploadTexts(5);
    assertError(
        call("DELETE", docs(), "{\"ids\":[\"invalid_id\"]}"),
        102,
        "Documents not found: ['invalid_id']");
    assertError(
        call("DELETE", docs(), "{\"ids\":[\"" + ids.get(0) + "\",\"invalid_id\"]}"),
        102,
        "Documents not found: ['invalid_id']");
    assertThat(call("GET", docs(), null).get("data").get("total").asInt()).isEqualTo(4);
    JsonNode dup =
        call(
            "DELETE",
            docs(),
            "{\"ids\":[\""
                + ids.get(1)
                + "\",\""
                + ids.get(1)
                + "\",\""
                + ids.get(2)
                + "\",\""
                + ids.get(3)
                + "\"]}");
    assertThat(dup.get("code").asInt()).isZero();
    assertThat(dup.get("data").get("success_count").asInt()).isEqualTo(3);
    assertThat(dup.get("data").get("errors").get(0).asText()).contains("Duplicate document ids");
    uploadTexts(2);
    assertThat(call("DELETE", docs(), "{\"ids\":[]}").toString()).isEqualTo("{\"code\":0}");
    assertThat(call("GET", docs(), null).get("data").get("total").asInt()).isZero();
    uploadTexts(2);
    assertThat(call("DELETE", docs(), null).get("code").asInt()).isZero();
    assertThat(call("GET", docs(), null).get("data").get("total").asInt()).isZero();
  }

  @Test
  void zylonIngestsAreParsedDocumentsAndDeletesReachZylon() {
    assertThat(
            lectern
                .post(
                    BASE + "ingest",
                    ADMIN,
                    textIngest(dataset, "z1", "Alpha beta.", "{\"team\":\"x\"}"))
                .status())
        .isEqualTo(200);
    JsonNode listed = call("GET", docs() + "?id=z1", null).get("data").get("docs").get(0);
    assertThat(listed.get("run").asText()).isEqualTo("DONE");
    assertThat(listed.get("progress").asDouble()).isEqualTo(1.0);
    assertThat(listed.get("chunk_count").asInt()).isEqualTo(1);
    assertThat(listed.get("name").asText()).isEqualTo("text_content.txt");
    assertThat(listed.get("meta_fields").get("team").asText()).isEqualTo("x");
    assertThat(lectern.getBytes(docs() + "/z1", ADMIN))
        .isEqualTo("Alpha beta.".getBytes(StandardCharsets.UTF_8));
    assertThat(call("DELETE", docs(), "{\"ids\":[\"z1\"]}").get("code").asInt()).isZero();
    assertThat(lectern.get(BASE + "list?collection=" + dataset, ADMIN).json().get("data"))
        .isEmpty();
  }

  @Test
  void aNewNameIsShownEverywhereAtOnce() {
    assertThat(
            lectern
                .post(
                    BASE + "ingest",
                    ADMIN,
                    textIngest(dataset, "z1", "Refunds take five days.", "{\"team\":\"x\"}"))
                .status())
        .isEqualTo(200);
    String retrieval = "{\"question\":\"refunds\",\"dataset_ids\":[\"" + dataset + "\"]}";
    assertThat(call("POST", "/api/v1/retrieval", retrieval).toString())
        .contains("\"document_keyword\":\"text_content.txt\"");

    call("PUT", docs() + "/z1", "{\"name\":\"refund-policy.txt\"}");

    JsonNode found = call("POST", "/api/v1/retrieval", retrieval).get("data");
    assertThat(found.get("chunks").get(0).get("document_keyword").asText())
        .isEqualTo("refund-policy.txt");
    assertThat(found.get("doc_aggs").get(0).get("doc_name").asText())
        .isEqualTo("refund-policy.txt");
    assertThat(
            call("GET", docs() + "/z1/chunks", null)
                .get("data")
                .get("chunks")
                .get(0)
                .get("docnm_kwd")
                .asText())
        .isEqualTo("refund-policy.txt");
    JsonNode zylon =
        lectern.get(BASE + "list?collection=" + dataset, ADMIN).json().get("data").get(0);
    assertThat(zylon.get("doc_metadata").get("file_name").asText()).isEqualTo("refund-policy.txt");
    assertThat(zylon.get("doc_metadata").get("team").asText()).isEqualTo("x");
  }

  @Test
  void filesOverTheLimitAreRefusedAndNothingIsStored(@TempDir Path other) {
    try (RunningLectern small = RunningLectern.start(other, c -> c.limits(64 * 1024, 100))) {
      String id =
          small
              .send("POST", "/api/v1/datasets", ADMIN, "{\"name\":\"small\"}", "application/json")
              .json()
              .get("data")
              .get("id")
              .asText();
      String path = "/api/v1/datasets/" + id + "/documents";
      JsonNode refused =
          small
              .upload(
                  path,
                  ADMIN,
                  "file",
                  List.of(file("ok.txt", "fine"), file("big.txt", "x".repeat(101))))
              .json();
      assertThat(refused.get("code").asInt()).isEqualTo(101);
      assertThat(refused.get("message").asText()).contains("big.txt").contains("100 bytes");
      assertThat(small.get(path, ADMIN).json().get("data").get("total").asInt()).isZero();
    }
  }
}
