package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.BASE;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.fileIngest;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.textIngest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.contract.Fixtures;
import dev.lectern.application.port.in.access.CreateTokenCommand;
import dev.lectern.application.service.access.CreateOrgService;
import dev.lectern.application.service.access.CreateTokenService;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.token.TokenScope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error of the Zylon table, in Zylon's envelope, naming the field at fault. */
class ZylonErrorsHttpTest {
  @TempDir static Path dir;
  static RunningLectern lectern;
  static String acmeToken;

  @BeforeAll
  static void start() {
    lectern = RunningLectern.start(dir);
    new CreateOrgService(lectern.stores().orgs(), Clock.systemUTC()).create(new OrgSlug("acme"));
    acmeToken =
        new CreateTokenService(
                lectern.stores().tokens(), lectern.stores().orgs(), Clock.systemUTC())
            .create(new CreateTokenCommand("acme-ci", new OrgSlug("acme"), TokenScope.ORG))
            .secret();
  }

  @AfterAll
  static void stop() {
    lectern.close();
  }

  private static void assertError(Reply reply, int status, String type, String messagePart) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().get("type").asText()).isEqualTo("error");
    assertThat(reply.json().at("/error/type").asText()).isEqualTo(type);
    assertThat(reply.json().at("/error/message").asText()).contains(messagePart);
    assertThat(reply.json().fieldNames()).toIterable().containsExactly("type", "error");
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at dev.lectern");
  }

  @Test
  void missingTokenIs401InTheDocumentedShape() {
    Reply reply = lectern.get(BASE + "list?collection=x", null);
    assertError(reply, 401, "authentication_error", "missing bearer token");
    assertThat(reply.raw().headers().firstValue("www-authenticate")).hasValue("Bearer");
    Golden.assertMatches("zylon/error-unauthenticated.json", reply.body());
  }

  @Test
  void wrongTokenIs401() {
    assertError(
        lectern.get("/api/v1/account/me", "lct_not-a-real-token"),
        401,
        "authentication_error",
        "invalid or revoked");
  }

  @Test
  void orgTokenInAnotherOrgIs403AndUnknownOrgIs404() {
    assertThat(lectern.get("/api/v1/app/me", acmeToken, "x-org", "acme").status()).isEqualTo(200);
    assertError(
        lectern.get(BASE + "list?collection=x", acmeToken, "x-org", "default"),
        403,
        "permission_error",
        "org 'default'");
    assertError(
        lectern.get(BASE + "list?collection=x", acmeToken),
        403,
        "permission_error",
        "org 'default'");
    assertError(
        lectern.get("/api/v1/app/me", ADMIN, "x-org", "no-such-org"),
        404,
        "not_found_error",
        "org 'no-such-org' not found");
  }

  @Test
  void unknownCollectionAndArtifactAre404() {
    assertError(
        lectern.get(BASE + "list?collection=never-ingested", ADMIN),
        404,
        "not_found_error",
        "collection 'never-ingested' not found");
    String collection = UUID.randomUUID().toString();
    lectern.post(BASE + "ingest", ADMIN, textIngest(collection, "a", "exists", "{}"));
    assertError(
        lectern.post(
            BASE + "content",
            ADMIN,
            "{\"context_filter\":{\"collection\":\""
                + collection
                + "\",\"artifacts\":[\"a\",\"ghost\"]}}"),
        404,
        "not_found_error",
        "artifact 'ghost' not found");
    assertError(
        lectern.post(
            BASE + "delete",
            ADMIN,
            "{\"collection\":\"" + collection + "\",\"artifact\":\"ghost\"}"),
        404,
        "not_found_error",
        "artifact 'ghost'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "malformed JSON | {\"collection\": | body: malformed JSON",
        "not an object | [1,2] | body: expected a JSON object but got an array",
        "duplicate key | {\"artifact\":\"a\",\"artifact\":\"b\"} | body: malformed JSON: duplicate field 'artifact' at line 1",
        "trailing garbage | {\"artifact\":\"a\"} x | body: malformed JSON: unrecognised word 'x'",
        "trailing value | {\"artifact\":\"a\"} {} | body: malformed JSON: unexpected data after the JSON value",
        "empty body | '' | body: a JSON object is required",
        "missing artifact | {\"collection\":\"c\",\"input\":{\"type\":\"text\",\"value\":\"x\"}} | artifact: field required",
        "missing input | {\"collection\":\"c\",\"artifact\":\"a\"} | input: field required",
        "input not an object | {\"collection\":\"c\",\"artifact\":\"a\",\"input\":\"text\"} | input: expected an object but got a string",
        "value wrong type | {\"collection\":\"c\",\"artifact\":\"a\",\"input\":{\"type\":\"text\",\"value\":42}} | input.value: expected a string but got a number",
        "unknown input type | {\"collection\":\"c\",\"artifact\":\"a\",\"input\":{\"type\":\"video\",\"value\":\"x\"}} | input.type: must be one of 'text', 'file', 'uri'",
        "empty text | {\"collection\":\"c\",\"artifact\":\"a\",\"input\":{\"type\":\"text\",\"value\":\"  \"}} | input.value: text must not be empty",
        "empty artifact | {\"collection\":\"c\",\"artifact\":\"\",\"input\":{\"type\":\"text\",\"value\":\"x\"}} | artifact: must be between 1 and 255 characters",
        "collection wrong type | {\"collection\":7,\"artifact\":\"a\",\"input\":{\"type\":\"text\",\"value\":\"x\"}} | collection: expected a string but got a number",
        "metadata not an object | {\"collection\":\"c\",\"artifact\":\"a\",\"input\":{\"type\":\"text\",\"value\":\"x\"},\"metadata\":[1]} | metadata: expected an object but got an array",
        "file_name not a string | {\"collection\":\"c\",\"artifact\":\"a\",\"input\":{\"type\":\"text\",\"value\":\"x\"},\"metadata\":{\"file_name\":1}} | metadata.file_name: expected a string",
        "invalid base64 | {\"collection\":\"c\",\"artifact\":\"a\",\"input\":{\"type\":\"file\",\"value\":\"not base64!\"}} | input.value: not valid base64",
        "unpadded base64 | {\"collection\":\"c\",\"artifact\":\"a\",\"input\":{\"type\":\"file\",\"value\":\"aGVsbG8\"}} | input.value: base64 must be canonical",
        "non-canonical base64 | {\"collection\":\"c\",\"artifact\":\"a\",\"input\":{\"type\":\"file\",\"value\":\"aGVsbG9=\"}} | input.value: base64 must be canonical",
        "ftp uri | {\"collection\":\"c\",\"artifact\":\"a\",\"input\":{\"type\":\"uri\",\"value\":\"ftp://example.org/x\"}} | input.value: only http and https",
        "loopback uri | {\"collection\":\"c\",\"artifact\":\"a\",\"input\":{\"type\":\"uri\",\"value\":\"http://127.0.0.1:9/secret\"}} | the host is on a loopback, private or link-local network",
        "metadata service uri | {\"collection\":\"c\",\"artifact\":\"a\",\"input\":{\"type\":\"uri\",\"value\":\"http://169.254.169.254/latest/meta-data\"}} | the host is on a loopback, private or link-local network",
      })
  void badIngestBodiesAre422NamingTheField(String name, String body, String message) {
    assertError(lectern.post(BASE + "ingest", ADMIN, body), 422, "invalid_request_error", message);
    assertThat(lectern.get(BASE + "list?collection=c", ADMIN).status())
        .as("nothing was stored for " + name)
        .isEqualTo(404);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no filter | content | {} | context_filter: field required",
        "no collection | content | {\"context_filter\":{}} | context_filter.collection: field required",
        "artifacts not list | content | {\"context_filter\":{\"collection\":\"c\",\"artifacts\":\"a\"}} | context_filter.artifacts: expected an array",
        "artifact not string | content | {\"context_filter\":{\"collection\":\"c\",\"artifacts\":[1]}} | context_filter.artifacts[0]: expected a string",
        "bad operator | content | {\"context_filter\":{\"collection\":\"c\",\"metadata_filter\":[{\"key\":\"k\",\"value\":1,\"operator\":\"~\"}]}} | context_filter.metadata_filter[0].operator: unsupported operator",
        "filter without key | content | {\"context_filter\":{\"collection\":\"c\",\"metadata_filter\":[{\"value\":1}]}} | context_filter.metadata_filter[0].key: field required",
        "object format | content | {\"context_filter\":{\"collection\":\"c\"},\"format\":\"object\"} | format: only 'markdown'",
        "max_tokens zero | chunked-content | {\"context_filter\":{\"collection\":\"c\"},\"max_tokens\":0} | max_tokens: must be between 1 and 8192",
        "max_tokens huge | chunked-content | {\"context_filter\":{\"collection\":\"c\"},\"max_tokens\":8193} | max_tokens: must be between 1 and 8192",
        "max_tokens text | chunked-content | {\"context_filter\":{\"collection\":\"c\"},\"max_tokens\":\"50\"} | max_tokens: expected an integer but got a string",
        "max_tokens fraction | chunked-content | {\"context_filter\":{\"collection\":\"c\"},\"max_tokens\":1.5} | max_tokens: expected an integer",
        "delete no artifact | delete | {\"collection\":\"c\"} | artifact: field required",
        "delete no collection | delete | {\"artifact\":\"a\"} | collection: field required",
      })
  void badReadAndDeleteBodiesAre422(String name, String endpoint, String body, String message) {
    assertError(lectern.post(BASE + endpoint, ADMIN, body), 422, "invalid_request_error", message);
  }

  @Test
  void writesToAnArtifactWithAWriteInProgressAre409() {
    String collection = UUID.randomUUID().toString();
    lectern.post(BASE + "ingest", ADMIN, textIngest(collection, "a", "first version", "{}"));
    var artifact =
        lectern.stores().artifacts().list(defaultOrgId(), new CollectionId(collection)).get(0);
    // Another writer holds the artifact, as a running ingest does between its claim and commit.
    lectern.stores().artifacts().claimIngest(artifact.key(), Fixtures.revision(999_999L, "other"));

    assertError(
        lectern.post(BASE + "ingest", ADMIN, textIngest(collection, "a", "second version", "{}")),
        409,
        "conflict_error",
        "already in progress");
    assertError(
        lectern.post(
            BASE + "delete", ADMIN, "{\"collection\":\"" + collection + "\",\"artifact\":\"a\"}"),
        409,
        "conflict_error",
        "already in progress");

    lectern.stores().artifacts().abandonIngest(artifact.key(), 999_999L);
    assertThat(
            lectern
                .post(BASE + "ingest", ADMIN, textIngest(collection, "a", "second version", "{}"))
                .status())
        .isEqualTo(200);
  }

  private static String defaultOrgId() {
    return lectern.stores().orgs().findBySlug(OrgSlug.DEFAULT).orElseThrow().id();
  }

  @Test
  void deeplyNestedJsonIs422() {
    String deep = "{\"metadata\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertError(
        lectern.post(BASE + "ingest", ADMIN, deep),
        422,
        "invalid_request_error",
        "body: malformed JSON");
  }

  @Test
  void listWithoutCollectionIs422() {
    assertError(
        lectern.get(BASE + "list", ADMIN),
        422,
        "invalid_request_error",
        "collection: query parameter required");
  }

  @Test
  void unsupportedFileTypeIs422NamingTheTypeAndStoresNothing() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
    String collection = UUID.randomUUID().toString();
    assertError(
        lectern.post(BASE + "ingest", ADMIN, fileIngest(collection, "img", png, "photo.png")),
        422,
        "invalid_request_error",
        "unsupported file type '.png'");
    assertThat(lectern.get(BASE + "list?collection=" + collection, ADMIN).status()).isEqualTo(404);
  }

  @Test
  void brokenPdfIs422AndStoresNothing() {
    String collection = UUID.randomUUID().toString();
    byte[] broken =
        "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntruncated".getBytes(StandardCharsets.UTF_8);
    assertError(
        lectern.post(BASE + "ingest", ADMIN, fileIngest(collection, "pdf", broken, "report.pdf")),
        422,
        "invalid_request_error",
        "'report.pdf' was not ingested");
    assertThat(lectern.get(BASE + "list?collection=" + collection, ADMIN).status()).isEqualTo(404);
  }

  @Test
  void idsOverTheLimitAre422() {
    String longId = "x".repeat(256);
    assertError(
        lectern.post(BASE + "ingest", ADMIN, textIngest("c", longId, "text", "{}")),
        422,
        "invalid_request_error",
        "artifact: must be between 1 and 255 characters");
  }

  @Test
  void unknownRoutesAre404InZylonShape() {
    assertError(
        lectern.get("/api/gpt/v1/artifacts/nope", ADMIN),
        404,
        "not_found_error",
        "no route for GET /api/gpt/v1/artifacts/nope");
    assertError(lectern.get(BASE + "ingest", ADMIN), 404, "not_found_error", "no route for GET");
  }
}
