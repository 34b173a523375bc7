package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.textIngest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.application.port.in.access.CreateTokenCommand;
import dev.lectern.application.service.access.CreateOrgService;
import dev.lectern.application.service.access.CreateTokenService;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.token.TokenScope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defects a hostile review found, each as it was found: over-long file names, search scores
 * that told one org about another's words, giant queries, bad multipart bodies, and internals in
 * error messages.
 */
class HardeningHttpTest {
  private static final String GPT = "/api/gpt/v1/artifacts/";

  @TempDir static Path dir;
  static RunningLectern lectern;
  static String orgToken;

  @BeforeAll
  static void start() {
    lectern = RunningLectern.start(dir);
    new CreateOrgService(lectern.stores().orgs(), Clock.systemUTC())
        .create(new OrgSlug("tenant-a"));
    new CreateOrgService(lectern.stores().orgs(), Clock.systemUTC())
        .create(new OrgSlug("tenant-b"));
    orgToken =
        new CreateTokenService(
                lectern.stores().tokens(), lectern.stores().orgs(), Clock.systemUTC())
            .create(new CreateTokenCommand("b-reader", new OrgSlug("tenant-b"), TokenScope.ORG))
            .secret();
  }

  @AfterAll
  static void stop() {
    lectern.close();
  }

  @Test
  void aFileNameLongerThanTheStoreKeepsIs422AndNothingIsStored() {
    String name = "n".repeat(1021) + ".txt";
    String body =
        "{\"collection\":\"names\",\"artifact\":\"long\",\"input\":{\"type\":\"text\",\"value\":"
            + "\"words\"},\"metadata\":{\"file_name\":\""
            + name
            + "\"}}";
    for (Reply reply :
        List.of(
            lectern.post(GPT + "ingest", ADMIN, body),
            lectern.post(GPT + "ingest/async", ADMIN, "{\"ingest_body\":" + body + "}"))) {
      assertThat(reply.status()).isEqualTo(422);
      assertThat(reply.json().at("/error/message").asText())
          .isEqualTo("metadata.file_name: must be at most 1024 characters long");
    }
    assertThat(lectern.get(GPT + "list?collection=names", ADMIN).status()).isEqualTo(404);
    assertThat(
            lectern
                .post(GPT + "ingest", ADMIN, body.replace(name, "n".repeat(1020) + ".txt"))
                .status())
        .isEqualTo(200);
  }

  @Test
  void aWordInOneOrgChangesNoScoreInAnother() {
    ingest("tenant-b", "ours", "ordinary notes about the harbour and its quokka colony");
    ingest("tenant-b", "filler", "ordinary notes about the harbour and the weather");
    double zylonBefore = zylonScore("quokka");
    double ragflowBefore = ragflowScore("quokka");
    double controlBefore = zylonScore("weather");

    for (int i = 0; i < 20; i++) {
      ingest("tenant-a", "theirs-" + i, "the quokka quokka appears in this private note " + i);
    }

    assertThat(zylonScore("quokka")).isEqualTo(zylonBefore);
    assertThat(ragflowScore("quokka")).isEqualTo(ragflowBefore);
    assertThat(zylonScore("weather")).isEqualTo(controlBefore);
  }

  private static void ingest(String org, String artifact, String text) {
    assertThat(
            lectern
                .post(
                    GPT + "ingest", ADMIN, textIngest("shared", artifact, text, "{}"), "x-org", org)
                .status())
        .isEqualTo(200);
  }

  private static double zylonScore(String word) {
    JsonNode hits =
        lectern
            .post(
                "/api/gpt/v1/primitives/search",
                orgToken,
                "{\"text\":\"" + word + "\",\"context_filter\":{\"collection\":\"shared\"}}",
                "x-org",
                "tenant-b")
            .json()
            .get("data");
    assertThat(hits).isNotEmpty();
    return hits.get(0).get("score").asDouble();
  }

  private static double ragflowScore(String word) {
    JsonNode reply =
        lectern
            .post(
                "/api/v1/retrieval",
                orgToken,
                "{\"question\":\""
                    + word
                    + "\",\"dataset_ids\":[\"shared\"],\"similarity_threshold\":0}")
            .json();
    assertThat(reply.get("code").asInt()).as(reply.toString()).isZero();
    return reply.at("/data/chunks/0/similarity").asDouble();
  }

  @Test
  void aQueryOfThousandsOfWordsIsAnsweredEverywhere() {
    ingest("default", "giant-query-target", "a rare zeugma hides in this sentence");
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      words.append("filler").append(i).append(' ');
    }
    words.append("zeugma");
    Reply zylon =
        lectern.post(
            "/api/gpt/v1/primitives/search",
            ADMIN,
            "{\"text\":\"" + words + "\",\"context_filter\":{\"collection\":\"shared\"}}");
    assertThat(zylon.status()).isEqualTo(200);
    assertThat(zylon.json().at("/data/0/document/artifact").asText())
        .isEqualTo("giant-query-target");
    JsonNode ragflow =
        lectern
            .post(
                "/api/v1/retrieval",
                ADMIN,
                "{\"question\":\"" + words + "\",\"dataset_ids\":[\"shared\"]}")
            .json();
    assertThat(ragflow.get("code").asInt()).as(ragflow.toString()).isZero();

    String dataset =
        lectern
            .post("/api/v1/datasets", ADMIN, "{\"name\":\"giant\"}")
            .json()
            .at("/data/id")
            .asText();
    String document =
        lectern
            .upload(
                "/api/v1/datasets/" + dataset + "/documents",
                ADMIN,
                "file",
                List.of(Map.entry("z.txt", "zeugma".getBytes(StandardCharsets.UTF_8))))
            .json()
            .at("/data/0/id")
            .asText();
    lectern.post(
        "/api/v1/datasets/" + dataset + "/chunks",
        ADMIN,
        "{\"document_ids\":[\"" + document + "\"]}");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!lectern
        .get("/api/v1/datasets/" + dataset + "/documents?id=" + document, ADMIN)
        .json()
        .at("/data/docs/0/run")
        .asText()
        .equals("DONE")) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.onSpinWait();
    }
    JsonNode listing =
        lectern
            .get(
                "/api/v1/datasets/"
                    + dataset
                    + "/documents/"
                    + document
                    + "/chunks?keywords="
                    + shortWords(1100)
                    + "+zeugma",
                ADMIN)
            .json();
    assertThat(listing.get("code").asInt()).as(listing.toString()).isZero();
    assertThat(listing.at("/data/chunks/0/content").asText()).contains("<em>zeugma</em>");
  }

  /** Distinct short words, so that many fit in a URL. */
  private static String shortWords(int count) {
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < count; i++) {
      words.append(i == 0 ? "" : "+").append('q').append(Integer.toString(i, 36));
    }
    return words.toString();
  }

  @Test
  void badMultipartBodiesAreRagflowArgumentErrorsNamingTheProblem() throws Exception {
    String dataset =
        lectern.post("/api/v1/datasets", ADMIN, "{\"name\":\"mp\"}").json().at("/data/id").asText();
    String path = "/api/v1/datasets/" + dataset + "/documents";
    String part =
        "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n"
            + "hello\r\n--XYZ--\r\n";
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      many.append("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f")
          .append(i)
          .append(".txt\"\r\n\r\nx\r\n");
    }
    many.append("--XYZ--\r\n");
    Map<String, String> expected =
        Map.of(
            "multipart/form-data|abc",
            "names no multipart boundary",
            "multipart/form-data; boundary=XYZ|" + part.replace("XYZ", "ABC"),
            "no complete part",
            "multipart/form-data; boundary=XYZ|",
            "no complete part",
            "multipart/form-data; boundary=XYZ|" + part.replace("a.txt", "a\u0000b.txt"),
            "invalid character",
            "multipart/form-data; boundary=XYZ|" + many,
            "too many parts",
            "multipart/form-data; boundary=XYZ|"
                + part.replace(
                    "\r\n\r\nhello", "\r\nX-Pad: " + "p".repeat(100_000) + "\r\n\r\nhello"),
            "headers of a part are too long");
    for (Map.Entry<String, String> probe : expected.entrySet()) {
      String[] typeAndBody = probe.getKey().split("\\|", 2);
      JsonNode reply =
          post(path, typeAndBody[0], typeAndBody[1].getBytes(StandardCharsets.ISO_8859_1));
      assertThat(reply.get("code").asInt()).as(reply.toString()).isEqualTo(101);
      assertThat(reply.get("message").asText()).contains(probe.getValue());
    }
    byte[] huge = new byte[70 * 1024 * 1024];
    byte[] head =
        ("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(head, 0, huge, 0, head.length);
    JsonNode tooLarge = post(path, "multipart/form-data; boundary=XYZ", huge);
    assertThat(tooLarge.get("code").asInt()).isEqualTo(101);
    assertThat(tooLarge.get("message").asText()).contains("larger than the limit");
    assertThat(lectern.get(path, ADMIN).json().at("/data/total").asInt())
        .as("nothing was stored")
        .isZero();
  }

  private static JsonNode post(String path, String contentType, byte[] body) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + lectern.wiring().port() + path))
                    .header("Authorization", "Bearer " + ADMIN)
                    .header("Content-Type", contentType)
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
  }

  @Test
  void errorMessagesSpeakPlainWordsAndGiveNoOrgAway() {
    Reply trailing = lectern.post(GPT + "content", ADMIN, "{\"context_filter\":{}} {\"x\":1}");
    assertThat(trailing.json().at("/error/message").asText())
        .isEqualTo(
            "body: malformed JSON: unexpected data after the JSON value at line 1, column 23");

    Reply loopback =
        lectern.post(
            GPT + "ingest",
            ADMIN,
            "{\"collection\":\"c\",\"artifact\":\"a\",\"input\":{\"type\":\"uri\","
                + "\"value\":\"http://localhost:9/secret\"}}");
    assertThat(loopback.status()).isEqualTo(422);
    assertThat(loopback.json().at("/error/message").asText())
        .contains("http://localhost:9/secret")
        .contains("loopback, private or link-local")
        .doesNotContain("127.0.0.1")
        .doesNotContain("::1");

    byte[] damaged =
        "PK\u0003\u0004 this is not really a zip".getBytes(StandardCharsets.ISO_8859_1);
    Reply word =
        lectern.post(
            GPT + "ingest", ADMIN, ZylonArtifactsHttpTest.fileIngest("c", "w", damaged, "w.docx"));
    assertThat(word.status()).isEqualTo(422);
    assertThat(word.json().at("/error/message").asText())
        .contains("could not be parsed as DOCX")
        .doesNotContainPattern("\\w\\(\\)|poi|org\\.|Exception");

    Reply existing = lectern.get(GPT + "list?collection=x", orgToken, "x-org", "tenant-a");
    Reply missing = lectern.get(GPT + "list?collection=x", orgToken, "x-org", "no-such-tenant");
    assertThat(existing.status()).isEqualTo(403);
    assertThat(missing.status()).isEqualTo(403);
    assertThat(existing.json().at("/error/type")).isEqualTo(missing.json().at("/error/type"));
    JsonNode ragflowExisting =
        lectern.get("/api/v1/datasets", orgToken, "x-org", "tenant-a").json();
    JsonNode ragflowMissing =
        lectern.get("/api/v1/datasets", orgToken, "x-org", "no-such-tenant").json();
    assertThat(ragflowExisting.get("code")).isEqualTo(ragflowMissing.get("code"));
    assertThat(ragflowExisting.get("code").asInt()).isEqualTo(109);
    assertThat(lectern.get(GPT + "list?collection=x", ADMIN, "x-org", "no-such-tenant").status())
        .as("a super token may learn that an org does not exist")
        .isEqualTo(404);
  }

  @Test
  void largeTextsStreamBackExactlyWithEveryCharacter() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append("Zeile ").append(i).append(": Größe 🙂 中文 «quote» \\u00e9\\n");
    }
    String json = textIngest("stream", "big", text.toString(), "{}");
    assertThat(lectern.post(GPT + "ingest", ADMIN, json).status()).isEqualTo(200);
    String expected = text.toString().replace("\\u00e9", "\u00e9").replace("\\n", "\n").strip();

    JsonNode content =
        lectern.post(GPT + "content", ADMIN, ZylonArtifactsHttpTest.filter("stream")).json();
    assertThat(content.at("/data/0/content").asText().strip()).isEqualTo(expected);
    JsonNode chunks =
        lectern
            .post(
                GPT + "chunked-content",
                ADMIN,
                "{\"context_filter\":{\"collection\":\"stream\"},\"max_tokens\":64}")
            .json();
    StringBuilder joined = new StringBuilder();
    for (JsonNode entry : chunks.get("data")) {
      joined.append(entry.at("/content/0/sources/0/text").asText()).append('\n');
    }
    assertThat(joined.toString().replaceAll("\\s+", " ").strip())
        .isEqualTo(expected.replaceAll("\\s+", " "));
    assertThat(lectern.get(GPT + "list?collection=stream", ADMIN).json().get("data")).hasSize(1);
  }

  @Test
  void aFailureAfterTheAnswerBeganCutsTheConnectionInsteadOfEndingItCleanly() throws Exception {
    String big = "the first text is long enough to fill the buffers. ".repeat(8000);
    String small = "the second text has lost its stored copy";
    assertThat(
            lectern.post(GPT + "ingest", ADMIN, textIngest("cut", "a-first", big, "{}")).status())
        .isEqualTo(200);
    assertThat(
            lectern
                .post(GPT + "ingest", ADMIN, textIngest("cut", "b-second", small, "{}"))
                .status())
        .isEqualTo(200);
    String hash =
        dev.lectern.domain.artifact.ContentHash.of(small.getBytes(StandardCharsets.UTF_8)).hex();
    java.nio.file.Files.delete(dir.resolve("blobs").resolve(hash.substring(0, 2)).resolve(hash));

    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + lectern.wiring().port() + GPT + "content"))
            .header("Authorization", "Bearer " + ADMIN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(ZylonArtifactsHttpTest.filter("cut")))
            .build();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
        .as("a truncated answer must not look complete")
        .isInstanceOf(java.io.IOException.class);
    assertThat(lectern.get("/health", null).status()).isEqualTo(200);
  }
}
