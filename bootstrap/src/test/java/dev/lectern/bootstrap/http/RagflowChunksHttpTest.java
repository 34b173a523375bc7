package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RAGFlow chunks against a real server: reference §5 items 28-32, with the seed's 1001. */
class RagflowChunksHttpTest {
  @TempDir Path dir;
  RunningLectern lectern;
  String dataset;
  String document;

  @BeforeEach
  void start() throws InterruptedException {
    lectern = RunningLectern.start(dir);
    dataset =
        call("POST", "/api/v1/datasets", "{\"name\":\"chunks\"}").get("data").get("id").asText();
    document =
        lectern
            .upload(
                "/api/v1/datasets/" + dataset + "/documents",
                ADMIN,
                "file",
                List.of(
                    Map.entry(
                        "base.txt",
                        "Original text about glaciers.".getBytes(StandardCharsets.UTF_8))))
            .json()
            .get("data")
            .get(0)
            .get("id")
            .asText();
    call(
        "POST",
        "/api/v1/datasets/" + dataset + "/chunks",
        "{\"document_ids\":[\"" + document + "\"]}");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!doc().get("run").asText().equals("DONE")) {
      assertThat(Instant.now()).isBefore(deadline);
      Thread.sleep(50);
    }
  }

  @AfterEach
  void stop() {
    lectern.close();
  }

  JsonNode call(String method, String path, String body) {
    Reply reply = lectern.send(method, path, ADMIN, body, body == null ? null : "application/json");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  String chunks() {
    return "/api/v1/datasets/" + dataset + "/documents/" + document + "/chunks";
  }

  JsonNode doc() {
    return call("GET", "/api/v1/datasets/" + dataset + "/documents?id=" + document, null)
        .get("data")
        .get("docs")
        .get(0);
  }

  JsonNode add(String body) {
    return call("POST", chunks(), body);
  }

  List<String> addMany(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(
          add("{\"content\":\"chunk number " + i + "\"}")
              .get("data")
              .get("chunk")
              .get("id")
              .asText());
    }
    return ids;
  }

  static void assertError(JsonNode reply, int code, String message) {
    assertThat(reply.get("code").asInt()).as(reply.toString()).isEqualTo(code);
    assertThat(reply.get("message").asText()).isEqualTo(message);
  }

  JsonNode retrieve(String question) {
    return call(
            "POST",
            "/api/v1/retrieval",
            "{\"question\":\""
                + question
                + "\",\"dataset_ids\":[\""
                + dataset
                + "\"],\"similarity_threshold\":0}")
        .get("data");
  }

  @Test
  void addReturnsTheChunkCountsItAndMakesItRetrievable() {
    int before = doc().get("chunk_count").asInt();
    JsonNode reply =
        add(
            "{\"content\":\"Penguins huddle for warmth.\",\"important_keywords\":[\"antarctica\"],\"questions\":[\"Why do penguins huddle?\",\" \"]}");
    assertThat(reply.get("code").asInt()).isZero();
    JsonNode chunk = reply.get("data").get("chunk");
    assertThat(chunk.fieldNames())
        .toIterable()
        .containsExactly(
            "id",
            "content",
            "document_id",
            "dataset_id",
            "important_keywords",
            "questions",
            "create_time",
            "create_timestamp");
    assertThat(chunk.get("id").asText()).matches("[0-9a-f]{16}");
    assertThat(chunk.get("questions")).hasSize(1);
    assertThat(chunk.get("create_time").asText())
        .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    String raw =
        lectern
            .send("POST", chunks(), ADMIN, "{\"content\":\"Raw timestamps.\"}", "application/json")
            .body();
    assertThat(raw).containsPattern("\"create_timestamp\":\\d{10}\\.\\d+[,}]");
    assertThat(doc().get("chunk_count").asInt()).isEqualTo(before + 2);
    assertThat(retrieve("antarctica").get("total").asInt()).isEqualTo(1);
    assertThat(
            add("{\"content\":\"Penguins huddle for warmth.\"}")
                .get("data")
                .get("chunk")
                .get("id")
                .asText())
        .isEqualTo(chunk.get("id").asText());
    assertThat(doc().get("chunk_count").asInt()).isEqualTo(before + 3);
  }

  @Test
  void addErrors() {
    assertError(add("{\"content\":\"\"}"), 102, "`content` is required");
    assertError(add("{\"content\":\" \"}"), 102, "`content` is required");
    assertError(
        add("{\"content\":\"a\",\"important_keywords\":\"abc\"}"),
        102,
        "`important_keywords` is required to be a list");
    assertError(
        add("{\"content\":\"a\",\"questions\":123}"), 102, "`questions` is required to be a list");
    assertError(
        add("{\"content\":\"a\",\"important_keywords\":[1]}"),
        100,
        "TypeError('sequence item 0: expected str instance, int found')");
    call(
        "DELETE", "/api/v1/datasets/" + dataset + "/documents", "{\"ids\":[\"" + document + "\"]}");
    assertError(add("{\"content\":\"a\"}"), 102, "You don't own the document " + document + ".");
  }

  @Test
  void listPagesSearchesAndFindsOne() {
    List<String> ids = addMany(31);
    JsonNode all = call("GET", chunks(), null).get("data");
    assertThat(all.get("total").asInt()).isEqualTo(32);
    assertThat(all.get("chunks")).hasSize(30);
    assertThat(all.get("doc").get("id").asText()).isEqualTo(document);
    JsonNode first = all.get("chunks").get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactly(
            "id",
            "content",
            "document_id",
            "docnm_kwd",
            "dataset_id",
            "important_keywords",
            "questions",
            "image_id",
            "available",
            "positions");
    assertThat(call("GET", chunks() + "?page=3&page_size=15", null).get("data").get("chunks"))
        .hasSize(2);
    JsonNode one = call("GET", chunks() + "?id=" + ids.get(3), null).get("data");
    assertThat(one.get("chunks"))
        .singleElement()
        .satisfies(c -> assertThat(c.get("content").asText()).isEqualTo("chunk number 3"));
    JsonNode found = call("GET", chunks() + "?keywords=glaciers", null).get("data");
    assertThat(found.get("total").asInt()).isEqualTo(1);
    assertThat(found.get("chunks").get(0).get("content").asText()).contains("<em>glaciers</em>");
    assertError(
        call("GET", chunks() + "?id=nope", null), 1001, "Chunk not found: " + dataset + "/nope");
    assertError(
        call("GET", "/api/v1/datasets/nope/documents/" + document + "/chunks", null),
        102,
        "You don't own the dataset nope.");
  }

  @Test
  void updateChangesTextAvailabilityAndRefusesUnknownChunks() {
    String id = addMany(1).get(0);
    String path = chunks() + "/" + id;
    assertThat(call("PUT", path, "{}").toString()).isEqualTo("{\"code\":0}");
    assertThat(
            call(
                    "PUT",
                    path,
                    "{\"content\":\"icebergs drift south\",\"important_keywords\":[\"ice\"]}")
                .get("code")
                .asInt())
        .isZero();
    assertThat(retrieve("icebergs").get("total").asInt()).isEqualTo(1);
    for (String available : List.of("false", "0")) {
      assertThat(call("PUT", path, "{\"available\":" + available + "}").get("code").asInt())
          .isZero();
      assertThat(retrieve("icebergs").get("total").asInt()).isZero();
      assertThat(
              call("GET", chunks() + "?id=" + id, null)
                  .get("data")
                  .get("chunks")
                  .get(0)
                  .get("available")
                  .asBoolean())
          .isFalse();
    }
    for (String available : List.of("true", "1")) {
      assertThat(call("PUT", path, "{\"available\":" + available + "}").get("code").asInt())
          .isZero();
      assertThat(retrieve("icebergs").get("total").asInt()).isEqualTo(1);
    }
    assertError(
        call("PUT", chunks() + "/unknown", "{\"content\":\"x\"}"),
        1001,
        "Can't find this chunk unknown");
    assertError(call("PUT", path, "{\"questions\":\"abc\"}"), 102, "`questions` should be a list");
    assertThat(call("PATCH", path, "{\"questions\":[\"where?\"]}").get("code").asInt()).isZero();
  }

  @Test
  void qaChunksMustHaveTwoParts() {
    call(
        "PUT",
        "/api/v1/datasets/" + dataset + "/documents/" + document,
        "{\"chunk_method\":\"qa\"}");
    String qaDoc =
        lectern
            .upload(
                "/api/v1/datasets/" + dataset + "/documents",
                ADMIN,
                "file",
                List.of(
                    Map.entry("faq.txt", "Q: Why?\nA: Because.".getBytes(StandardCharsets.UTF_8))))
            .json()
            .get("data")
            .get(0)
            .get("id")
            .asText();
    call("PUT", "/api/v1/datasets/" + dataset + "/documents/" + qaDoc, "{\"chunk_method\":\"qa\"}");
    call(
        "POST",
        "/api/v1/datasets/" + dataset + "/chunks",
        "{\"document_ids\":[\"" + qaDoc + "\"]}");
    document = qaDoc;
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!doc().get("run").asText().equals("DONE")) {
      assertThat(Instant.now()).isBefore(deadline);
    }
    String id = call("GET", chunks(), null).get("data").get("chunks").get(0).get("id").asText();
    assertError(
        call("PUT", chunks() + "/" + id, "{\"content\":\"just one part\"}"),
        102,
        "Q&A must be separated by TAB/ENTER key.");
    assertThat(
            call("PUT", chunks() + "/" + id, "{\"content\":\"Why?\\tBecause we can.\"}")
                .get("code")
                .asInt())
        .isZero();
  }

  @Test
  void deleteHasRagflowsCountSemantics() {
    List<String> ids = addMany(4);
    List<String> withUnknown = new ArrayList<>(ids);
    withUnknown.add("invalid_id");
    String body =
        "{\"chunk_ids\":["
            + String.join(",", withUnknown.stream().map(i -> "\"" + i + "\"").toList())
            + "]}";
    assertError(call("DELETE", chunks(), body), 102, "rm_chunk deleted chunks 4, expect 5");
    String again =
        "{\"chunk_ids\":["
            + String.join(",", ids.stream().map(i -> "\"" + i + "\"").toList())
            + "]}";
    assertError(call("DELETE", chunks(), again), 102, "rm_chunk deleted chunks 0, expect 4");
    assertThat(retrieve("number").get("total").asInt()).isZero();
    assertError(
        call("DELETE", "/api/v1/datasets/" + dataset + "/documents/nope/chunks", "{}"),
        100,
        "LookupError(\"Can't find the document with ID nope!\")");
    addMany(2);
    assertThat(call("DELETE", chunks(), "{}").get("code").asInt()).isZero();
    assertThat(call("GET", chunks(), null).get("data").get("total").asInt()).isZero();
    assertThat(doc().get("chunk_count").asInt()).isZero();
  }
}
