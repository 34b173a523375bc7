package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.BASE;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.textIngest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.application.port.in.access.CreateTokenCommand;
import dev.lectern.application.service.access.CreateOrgService;
import dev.lectern.application.service.access.CreateTokenService;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.token.TokenScope;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /lectern/v1/assistants}: CRUD, keys, errors, and what an assistant's key may not do. */
class AdminAssistantsHttpTest {
  static final String ASSISTANTS = "/lectern/v1/assistants";
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
            .create(new CreateTokenCommand("acme-ops", new OrgSlug("acme"), TokenScope.ORG))
            .secret();
    assertThat(
            lectern
                .post(
                    BASE + "ingest",
                    ADMIN,
                    textIngest("handbook", "refunds", "Refunds take five days.", "{}"))
                .status())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    lectern.close();
  }

  static JsonNode create(String token, String body) {
    Reply reply = lectern.post(ASSISTANTS, token, body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json();
  }

  static void assertRefused(Reply reply, int status, String code, String field) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().get("error").get("code").asText()).isEqualTo(code);
    if (field != null) {
      assertThat(reply.json().get("error").get("field").asText()).isEqualTo(field);
      assertThat(reply.json().get("error").get("message").asText()).contains(field);
    }
  }

  @Test
  void anAssistantIsCreatedReadChangedListedAndDeleted() {
    JsonNode created =
        create(
            ADMIN,
            "{\"name\":\"Support\",\"collections\":[\"handbook\"],\"opener\":\"Hello!\","
                + "\"model\":{\"temperature\":0.2,\"max_tokens\":300},\"retrieval\":{\"top_n\":4}}");

    String id = created.get("id").asText();
    assertThat(created.get("name").asText()).isEqualTo("Support");
    assertThat(created.get("collections").toString()).isEqualTo("[\"handbook\"]");
    assertThat(created.get("model").toString())
        .isEqualTo(
            "{\"name\":null,\"temperature\":0.2,\"top_p\":0.3,\"presence_penalty\":0.4,"
                + "\"frequency_penalty\":0.7,\"max_tokens\":300}");
    assertThat(created.get("retrieval").get("top_n").asInt()).isEqualTo(4);
    assertThat(created.get("access").asText()).isEqualTo("private");
    assertThat(created.get("status").asText()).isEqualTo("active");
    assertThat(created.get("system_prompt").asText()).contains("{knowledge}");

    assertThat(lectern.get(ASSISTANTS + "/" + id, ADMIN).json()).isEqualTo(created);
    Reply changed =
        lectern.send(
            "PATCH",
            ASSISTANTS + "/" + id,
            ADMIN,
            "{\"status\":\"suspended\",\"access\":\"public\",\"model\":{\"name\":\"extractive\"}}",
            "application/json");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("status").asText()).isEqualTo("suspended");
    assertThat(changed.json().get("access").asText()).isEqualTo("public");
    assertThat(changed.json().get("model").get("name").asText()).isEqualTo("extractive");
    assertThat(changed.json().get("opener").asText()).isEqualTo("Hello!");
    assertThat(lectern.get(ASSISTANTS, ADMIN).json().get("assistants"))
        .extracting(a -> a.get("id").asText())
        .contains(id);

    assertThat(lectern.send("DELETE", ASSISTANTS + "/" + id, ADMIN, null, null).status())
        .isEqualTo(204);
    assertRefused(lectern.get(ASSISTANTS + "/" + id, ADMIN), 404, "not_found", "assistant");
    assertRefused(
        lectern.send("DELETE", ASSISTANTS + "/" + id, ADMIN, null, null), 404, "not_found", null);
  }

  @Test
  void badBodiesAreRefusedNamingTheFieldAndNothingIsStored() {
    int before = lectern.get(ASSISTANTS, ADMIN).json().get("assistants").size();

    assertRefused(lectern.post(ASSISTANTS, ADMIN, "{}"), 422, "invalid_request", "name");
    assertRefused(lectern.post(ASSISTANTS, ADMIN, "{\"name\":7}"), 422, "invalid_request", "name");
    assertRefused(
        lectern.post(ASSISTANTS, ADMIN, "{\"name\":\"A\",\"colour\":\"red\"}"),
        422,
        "invalid_request",
        "colour");
    assertRefused(
        lectern.post(ASSISTANTS, ADMIN, "{\"name\":\"A\",\"model\":{\"temperature\":9}}"),
        422,
        "invalid_request",
        "temperature");
    assertRefused(
        lectern.post(ASSISTANTS, ADMIN, "{\"name\":\"A\",\"model\":{\"name\":\"gpt-9\"}}"),
        422,
        "invalid_request",
        "model");
    assertRefused(
        lectern.post(ASSISTANTS, ADMIN, "{\"name\":\"A\",\"collections\":[\"nowhere\"]}"),
        404,
        "not_found",
        "collections");
    assertRefused(
        lectern.post(ASSISTANTS, ADMIN, "{\"name\":\"A\",\"system_prompt\":\"Just answer.\"}"),
        422,
        "invalid_request",
        "system_prompt");
    assertRefused(
        lectern.post(ASSISTANTS, ADMIN, "{\"name\":\"A\",\"access\":\"open\"}"),
        422,
        "invalid_request",
        "access");
    assertRefused(lectern.post(ASSISTANTS, ADMIN, "{\"name\":"), 422, "invalid_request", null);
    assertRefused(lectern.post(ASSISTANTS, null, "{\"name\":\"A\"}"), 401, "unauthenticated", null);

    assertThat(lectern.get(ASSISTANTS, ADMIN).json().get("assistants")).hasSize(before);
  }

  @Test
  void namesAreUniqueWithinAnOrgAndOrgsAreApart() {
    create(ADMIN, "{\"name\":\"Desk\"}");
    assertRefused(lectern.post(ASSISTANTS, ADMIN, "{\"name\":\"desk\"}"), 409, "conflict", "name");

    JsonNode acmeDesk = create(acmeToken, "{\"name\":\"Desk\"}");
    String acmeId = acmeDesk.get("id").asText();
    assertThat(lectern.get(ASSISTANTS + "/" + acmeId, acmeToken).status()).isEqualTo(200);
    assertThat(lectern.get(ASSISTANTS + "/" + acmeId, ADMIN).status()).isEqualTo(404);
    assertThat(lectern.get(ASSISTANTS + "/" + acmeId, ADMIN, "x-org", "acme").status())
        .isEqualTo(200);
    assertThat(lectern.get(ASSISTANTS, acmeToken).json().get("assistants"))
        .extracting(a -> a.get("name").asText())
        .containsExactly("Desk");
  }

  @Test
  void keysAreIssuedOnceListedWithoutSecretAndRevoked() {
    String id = create(ADMIN, "{\"name\":\"Widget bot\"}").get("id").asText();

    Reply issued = lectern.post(ASSISTANTS + "/" + id + "/keys", ADMIN, "{\"name\":\"site\"}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    String secret = issued.json().get("key").asText();
    String keyId = issued.json().get("id").asText();
    assertThat(issued.json().get("assistant_id").asText()).isEqualTo(id);

    Reply listed = lectern.get(ASSISTANTS + "/" + id + "/keys", ADMIN);
    assertThat(listed.json().get("keys")).hasSize(1);
    assertThat(listed.body()).doesNotContain(secret);

    // The key reaches its assistant only: no knowledge API, no admin API.
    assertThat(lectern.get(ASSISTANTS, secret).status()).isEqualTo(403);
    assertThat(lectern.get("/api/gpt/v1/artifacts/list?collection=handbook", secret).status())
        .isEqualTo(403);
    assertThat(lectern.get("/api/v1/datasets", secret).json().get("code").asInt()).isNotZero();

    assertThat(
            lectern
                .send("DELETE", ASSISTANTS + "/" + id + "/keys/" + keyId, ADMIN, null, null)
                .status())
        .isEqualTo(204);
    assertThat(
            lectern
                .get(ASSISTANTS + "/" + id + "/keys", ADMIN)
                .json()
                .get("keys")
                .get(0)
                .get("revoked_at")
                .isNull())
        .isFalse();
    assertRefused(
        lectern.send("DELETE", ASSISTANTS + "/" + id + "/keys/" + keyId, ADMIN, null, null),
        404,
        "not_found",
        "key");
    assertRefused(
        lectern.post(ASSISTANTS + "/" + id + "/keys", ADMIN, "{}"), 422, "invalid_request", "name");
    assertRefused(
        lectern.post(ASSISTANTS + "/nope/keys", ADMIN, "{\"name\":\"x\"}"), 404, "not_found", null);
  }

  @Test
  void anonymousConversationsAreSeenAndPurgedOnlyByTheAssistantsOrganization() {
    String id =
        create(ADMIN, "{\"name\":\"Widget desk\",\"access\":\"public\"}").get("id").asText();
    String path = ASSISTANTS + "/" + id + "/anonymous-conversations";
    String key =
        lectern
            .post(ASSISTANTS + "/" + id + "/keys", ADMIN, "{\"name\":\"w\"}")
            .json()
            .get("key")
            .asText();

    RunningLectern.Reply seen = lectern.get(path, ADMIN);
    RunningLectern.Reply noToken = lectern.get(path, null);
    RunningLectern.Reply otherOrg = lectern.get(path, acmeToken);
    RunningLectern.Reply byItsKey = lectern.send("DELETE", path, key, null, null);
    RunningLectern.Reply unknown =
        lectern.send("DELETE", ASSISTANTS + "/nope/anonymous-conversations", ADMIN, null, null);

    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.json().get("conversations").asInt()).isZero();
    assertThat(seen.json().get("stored_bytes").asLong()).isZero();
    assertThat(seen.json().at("/quota/conversations").asInt()).isEqualTo(10_000);
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(noToken.json().at("/error/code").asText()).isEqualTo("unauthenticated");
    assertThat(otherOrg.status()).isEqualTo(404);
    assertThat(otherOrg.json().at("/error/code").asText()).isEqualTo("not_found");
    assertThat(byItsKey.status()).as("an assistant's key manages nothing").isEqualTo(403);
    assertThat(byItsKey.json().at("/error/code").asText()).isEqualTo("forbidden");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().at("/error/message").asText()).contains("'nope'");
  }
}
