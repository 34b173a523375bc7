package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.adapters.lucene.Cl100kChunker;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zylon artifacts API against a real server: the seed's examples and every success path. */
class ZylonArtifactsHttpTest {
  static final String BASE = "/api/gpt/v1/artifacts/";
  static final String SEED_COLLECTION = "019c7569-f1f3-74da-8017-35d4a11f93ca";

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

  static String textIngest(String collection, String artifact, String text, String metadata) {
    return """
        {"collection":"%s","artifact":"%s","input":{"type":"text","value":"%s"},"metadata":%s}"""
        .formatted(collection, artifact, text, metadata);
  }

  static String fileIngest(String collection, String artifact, byte[] bytes, String fileName) {
    return """
        {"collection":"%s","artifact":"%s","input":{"type":"file","value":"%s"},\
        "metadata":{"file_name":"%s"}}"""
        .formatted(collection, artifact, Base64.getEncoder().encodeToString(bytes), fileName);
  }

  static String filter(String collection) {
    return "{\"context_filter\":{\"collection\":\"" + collection + "\"}}";
  }

  @Test
  void seedTextIngestExampleAnswersExactlyAsDocumented() {
    Reply reply =
        lectern.post(
            BASE + "ingest",
            ADMIN,
            textIngest(
                SEED_COLLECTION,
                "docs_text_artifact_sync",
                "Release notes: Shipped billing dashboard and fixed three bugs.",
                "{\"file_name\":\"release_notes.txt\",\"source\":\"docs\"}"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.raw().headers().firstValue("content-type")).hasValue("application/json");
    Golden.assertMatches("zylon/ingest-text.json", reply.body());
  }

  @Test
  void seedFileArtifactExamplesForListContentAndChunkedContent() {
    String collection = SEED_COLLECTION.replace("019c", "029c");
    byte[] file = "Hello from file artifact.\n\n".getBytes(StandardCharsets.UTF_8);
    assertThat(
            lectern
                .post(
                    BASE + "ingest",
                    ADMIN,
                    fileIngest(collection, "docs_file_artifact", file, "docs_file_artifact.txt"))
                .status())
        .isEqualTo(200);

    String expectedCollection = "\"collection\": \"" + SEED_COLLECTION + "\"";
    Reply list = lectern.get(BASE + "list?collection=" + collection, ADMIN);
    assertThat(list.status()).isEqualTo(200);
    Golden.assertMatches("zylon/list.json", list.body().replace(collection, SEED_COLLECTION));
    assertThat(expectedCollection).isNotEmpty();

    Reply content = lectern.post(BASE + "content", ADMIN, filter(collection));
    Golden.assertMatches("zylon/content.json", content.body());

    Reply chunked =
        lectern.post(
            BASE + "chunked-content",
            ADMIN,
            "{\"context_filter\":{\"collection\":\"" + collection + "\"},\"max_tokens\":50}");
    assertThat(chunked.status()).isEqualTo(200);
    Golden.assertMatches(
        "zylon/chunked-content.json", chunked.body().replace(collection, SEED_COLLECTION));
  }

  @Test
  void ingestingSameContentTwiceReturnsEmptyData() {
    String collection = UUID.randomUUID().toString();
    String body = textIngest(collection, "a", "Zebra code is 4471.", "{\"tag\":\"t1\"}");
    assertThat(lectern.post(BASE + "ingest", ADMIN, body).json().get("data")).hasSize(1);

    Reply again = lectern.post(BASE + "ingest", ADMIN, body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body())
        .isEqualTo("{\"object\":\"list\",\"model\":\"private-gpt\",\"data\":[]}");

    JsonNode other =
        lectern
            .post(BASE + "ingest", ADMIN, textIngest(collection, "b", "Zebra code is 4471.", "{}"))
            .json();
    assertThat(other.get("data")).as("same content under a new artifact").hasSize(1);
  }

  @Test
  void newContentReplacesTheArtifactAndItsChunks() {
    String collection = UUID.randomUUID().toString();
    lectern.post(BASE + "ingest", ADMIN, textIngest(collection, "a", "old words here", "{}"));
    Reply replaced =
        lectern.post(BASE + "ingest", ADMIN, textIngest(collection, "a", "brand new words", "{}"));
    assertThat(replaced.json().at("/data/0/doc_metadata/hash").asText())
        .isEqualTo(sha256("brand new words"));

    JsonNode chunked = lectern.post(BASE + "chunked-content", ADMIN, filter(collection)).json();
    assertThat(chunked.get("data")).hasSize(1);
    assertThat(chunked.at("/data/0/content/0/sources/0/text").asText())
        .isEqualTo("brand new words");
    assertThat(lectern.get(BASE + "list?collection=" + collection, ADMIN).json().get("data"))
        .hasSize(1);
  }

  @Test
  void metadataKeysAndTypesArePassedThrough() {
    String collection = UUID.randomUUID().toString();
    Reply reply =
        lectern.post(
            BASE + "ingest",
            ADMIN,
            textIngest(
                collection,
                "a",
                "typed metadata",
                "{\"tag\":\"t1\",\"rank\":3,\"nested\":{\"x\":[1,true,null]},\"file_name\":\"n.md\"}"));
    JsonNode metadata = reply.json().at("/data/0/doc_metadata");
    assertThat(metadata.get("tag").asText()).isEqualTo("t1");
    assertThat(metadata.get("rank").isInt()).isTrue();
    assertThat(metadata.get("nested").toString()).isEqualTo("{\"x\":[1,true,null]}");
    assertThat(metadata.get("file_name").asText()).isEqualTo("n.md");

    JsonNode listed =
        lectern
            .get(BASE + "list?collection=" + collection, ADMIN)
            .json()
            .at("/data/0/doc_metadata");
    assertThat(listed.get("rank").asInt()).isEqualTo(3);
    assertThat(listed.has("hash")).isFalse();
  }

  @Test
  void contextFilterArtifactsAndMetadataIntersect() {
    String collection = UUID.randomUUID().toString();
    lectern.post(
        BASE + "ingest", ADMIN, textIngest(collection, "a1", "first", "{\"team\":\"red\"}"));
    lectern.post(
        BASE + "ingest", ADMIN, textIngest(collection, "a2", "second", "{\"team\":\"blue\"}"));
    lectern.post(
        BASE + "ingest", ADMIN, textIngest(collection, "a3", "third", "{\"team\":\"red\"}"));

    Reply both =
        lectern.post(
            BASE + "content",
            ADMIN,
            """
            {"context_filter":{"collection":"%s","artifacts":["a1","a2"],
             "metadata_filter":[{"key":"team","value":"red","operator":"=="}]}}"""
                .formatted(collection));
    assertThat(both.json().get("data")).hasSize(1);
    assertThat(both.json().at("/data/0/artifact_id").asText()).isEqualTo("a1");

    Reply all = lectern.post(BASE + "content", ADMIN, filter(collection));
    assertThat(all.json().get("data"))
        .extracting(n -> n.get("artifact_id").asText())
        .containsExactly("a1", "a2", "a3");
  }

  @Test
  void chunkedContentHonoursMaxTokensInDocumentOrder() {
    String collection = UUID.randomUUID().toString();
    StringBuilder text = new StringBuilder("# Manual\\n\\n");
    for (int i = 0; i < 60; i++) {
      text.append("Paragraph ")
          .append(i)
          .append(" explains step ")
          .append(i)
          .append(" of the procedure in plain words.\\n\\n");
    }
    lectern.post(BASE + "ingest", ADMIN, textIngest(collection, "m", text.toString(), "{}"));

    JsonNode chunked =
        lectern
            .post(
                BASE + "chunked-content",
                ADMIN,
                "{\"context_filter\":{\"collection\":\"" + collection + "\"},\"max_tokens\":40}")
            .json();
    Cl100kChunker tokens = new Cl100kChunker();
    assertThat(chunked.get("data").size()).isGreaterThan(5);
    int previous = -1;
    for (JsonNode entry : chunked.get("data")) {
      JsonNode source = entry.at("/content/0/sources/0");
      assertThat(tokens.countTokens(source.get("text").asText())).isLessThanOrEqualTo(40);
      assertThat(source.at("/metadata/abs_idx").asInt()).isGreaterThan(previous);
      previous = source.at("/metadata/abs_idx").asInt();
      assertThat(entry.at("/content/1/text").asText())
          .startsWith("**Context Information**:\n")
          .contains(source.get("text").asText());
    }
    assertThat(chunked.at("/data/0/content/0/sources/0/text").asText()).startsWith("# Manual");
  }

  @Test
  void deleteAnswersNullAndTheArtifactIsGone() {
    String collection = UUID.randomUUID().toString();
    lectern.post(BASE + "ingest", ADMIN, textIngest(collection, "a", "short lived", "{}"));
    lectern.post(BASE + "ingest", ADMIN, textIngest(collection, "b", "long lived", "{}"));

    String body = "{\"collection\":\"" + collection + "\",\"artifact\":\"a\"}";
    Reply deleted = lectern.post(BASE + "delete", ADMIN, body);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.body()).isEqualTo("null");

    assertThat(lectern.get(BASE + "list?collection=" + collection, ADMIN).json().get("data"))
        .extracting(n -> n.get("artifact").asText())
        .containsExactly("b");
    Reply again = lectern.post(BASE + "delete", ADMIN, body);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.json().at("/error/type").asText()).isEqualTo("not_found_error");
  }

  @Test
  void collectionsAreIsolatedBetweenOrgs() {
    lectern.post("/lectern-none", ADMIN, "{}");
    String collection = UUID.randomUUID().toString();
    dev.lectern.application.service.access.CreateOrgService orgs =
        new dev.lectern.application.service.access.CreateOrgService(
            lectern.stores().orgs(), java.time.Clock.systemUTC());
    String slug = "iso-" + collection.substring(0, 8);
    orgs.create(new dev.lectern.domain.org.OrgSlug(slug));
    Reply inOther =
        lectern.post(
            BASE + "ingest",
            ADMIN,
            textIngest(collection, "a", "secret plans", "{}"),
            "x-org",
            slug);
    assertThat(inOther.status()).isEqualTo(200);

    assertThat(lectern.get(BASE + "list?collection=" + collection, ADMIN).status()).isEqualTo(404);
    assertThat(
            lectern
                .get(BASE + "list?collection=" + collection, ADMIN, "x-org", slug)
                .json()
                .get("data"))
        .hasSize(1);
  }

  static String sha256(String text) {
    return dev.lectern.domain.artifact.ContentHash.of(text.getBytes(StandardCharsets.UTF_8)).hex();
  }
}
