package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.BASE;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.textIngest;
import static dev.lectern.bootstrap.http.ZylonAsyncHttpTest.async;
import static dev.lectern.bootstrap.http.ZylonAsyncHttpTest.awaitEnd;
import static dev.lectern.bootstrap.http.ZylonAsyncHttpTest.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.application.port.in.access.CreateTokenCommand;
import dev.lectern.application.service.access.CreateOrgService;
import dev.lectern.application.service.access.CreateTokenService;
import dev.lectern.bootstrap.LecternConfig;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.token.TokenScope;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /lectern/v1/tasks}: listing with counts and filters, one task, cancel, errors. */
class AdminTasksHttpTest {
  static final String TASKS = "/lectern/v1/tasks";
  @TempDir static Path dir;
  static RunningLectern lectern;
  static GatedSite site;
  static String acmeToken;
  static String doneId;

  @BeforeAll
  static void start() throws Exception {
    site = new GatedSite();
    lectern =
        RunningLectern.start(
            dir,
            config ->
                config
                    .allowPrivateUris(true)
                    .tasks(new LecternConfig.Tasks("admin", 1, 100, 3, Duration.ofSeconds(5))));
    new CreateOrgService(lectern.stores().orgs(), Clock.systemUTC()).create(new OrgSlug("acme"));
    acmeToken =
        new CreateTokenService(
                lectern.stores().tokens(), lectern.stores().orgs(), Clock.systemUTC())
            .create(new CreateTokenCommand("acme-ops", new OrgSlug("acme"), TokenScope.ORG))
            .secret();
    doneId = submit(lectern, "ingest/async", async(textIngest("adm", "one", "Done task.", "{}")));
    awaitEnd(lectern, "ingest/async", doneId);
  }

  @AfterAll
  static void stop() {
    lectern.close();
    site.close();
  }

  @Test
  void listingShowsTasksWithCountsPerStatus() {
    Reply reply = lectern.get(TASKS + "?kind=artifact.ingest&status=success", ADMIN);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.fieldNames()).toIterable().containsExactly("counts", "total", "tasks");
    assertThat(body.get("counts").fieldNames())
        .toIterable()
        .containsExactly("PENDING", "RUNNING", "SUCCESS", "FAILURE", "CANCELLED");
    assertThat(body.at("/counts/SUCCESS").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(body.get("tasks"))
        .allSatisfy(t -> assertThat(t.get("status").asText()).isEqualTo("SUCCESS"));
    JsonNode task = findTask(body, doneId);
    assertThat(task.get("kind").asText()).isEqualTo("artifact.ingest");
    assertThat(task.get("progress").asDouble()).isEqualTo(1.0);
    assertThat(task.get("attempts").asInt()).isEqualTo(1);
    assertThat(task.get("messages").toString()).contains("index: ").contains("Task finished.");
    assertThat(task.get("finished_at").asText()).isNotEmpty();
  }

  @Test
  void oneTaskCanBeReadByIdAndOtherOrgsCannotSeeIt() {
    Reply reply = lectern.get(TASKS + "/" + doneId, ADMIN);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("id").asText()).isEqualTo(doneId);

    Reply foreign = lectern.get(TASKS + "/" + doneId, acmeToken, "x-org", "acme");
    assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
    assertThat(foreign.json().at("/error/code").asText()).isEqualTo("not_found");
    assertThat(foreign.json().at("/error/field").asText()).isEqualTo("task_id");
    assertThat(lectern.get(TASKS, acmeToken, "x-org", "acme").json().get("total").asLong())
        .isZero();
  }

  @Test
  void cancellingAPendingTaskEndsItAndFreesTheArtifact() {
    String blocker =
        submit(
            lectern,
            "ingest/async",
            async(
                "{\"collection\":\"adm\",\"artifact\":\"blocker\",\"input\":{\"type\":\"uri\","
                    + "\"value\":\""
                    + site.url("/gated.txt?admin")
                    + "\"}}"));
    String waiting =
        submit(lectern, "ingest/async", async(textIngest("adm", "waiting", "Never run.", "{}")));

    Reply cancelled = lectern.post(TASKS + "/" + waiting + "/cancel", ADMIN, "");

    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
    JsonNode zylon = lectern.get(BASE + "ingest/async/" + waiting, ADMIN).json();
    assertThat(zylon.get("task_status").asText()).isEqualTo("REVOKED");
    assertThat(zylon.get("task_result").asText()).isEqualTo("ingest.revoked: cancelled on request");
    site.open();
    assertThat(awaitEnd(lectern, "ingest/async", blocker).get("task_status").asText())
        .isEqualTo("SUCCESS");
    assertThat(
            lectern
                .post(BASE + "ingest", ADMIN, textIngest("adm", "waiting", "Now.", "{}"))
                .status())
        .isEqualTo(200);
  }

  @Test
  void badFiltersAre422NamingTheParameter() {
    String[][] cases = {
      {"?status=done", "status"},
      {"?kind=parse", "kind"},
      {"?limit=0", "limit"},
      {"?limit=abc", "limit"},
    };
    for (String[] c : cases) {
      Reply reply = lectern.get(TASKS + c[0], ADMIN);
      assertThat(reply.status()).as(reply.body()).isEqualTo(422);
      assertThat(reply.json().at("/error/code").asText()).isEqualTo("invalid_request");
      assertThat(reply.json().at("/error/field").asText()).isEqualTo(c[1]);
      assertThat(reply.json().at("/error/message").asText()).startsWith(c[1] + ": ");
    }
  }

  @Test
  void unknownTasksRoutesAndTokensGetTheAdminEnvelope() {
    assertThat(lectern.get(TASKS + "/" + UUID.randomUUID(), ADMIN).status()).isEqualTo(404);
    assertThat(lectern.post(TASKS + "/" + UUID.randomUUID() + "/cancel", ADMIN, "").status())
        .isEqualTo(404);
    Reply noRoute = lectern.get("/lectern/v1/nothing-here", ADMIN);
    assertThat(noRoute.status()).isEqualTo(404);
    assertThat(noRoute.json().at("/error/code").asText()).isEqualTo("not_found");
    Reply anonymous = lectern.get(TASKS, null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().at("/error/code").asText()).isEqualTo("unauthenticated");
  }

  private static JsonNode findTask(JsonNode body, String id) {
    for (JsonNode task : body.get("tasks")) {
      if (task.get("id").asText().equals(id)) {
        return task;
      }
    }
    throw new AssertionError("task " + id + " not listed: " + body);
  }
}
