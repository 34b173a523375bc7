package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zylon workspace: the account and app "me" endpoints and the health probe. */
class ZylonWorkspaceHttpTest {
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

  @Test
  void healthNeedsNoToken() {
    Reply reply = lectern.get("/health", null);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void accountMeDescribesTheCallingToken() {
    for (String path : new String[] {"/api/v1/account/me", "/api/v1/app/me"}) {
      Reply reply = lectern.get(path, ADMIN, "x-org", "default");
      assertThat(reply.status()).isEqualTo(200);
      JsonNode me = reply.json();
      assertThat(me.fieldNames())
          .toIterable()
          .containsExactly(
              "id",
              "org_id",
              "account_id",
              "name",
              "email",
              "state",
              "roles",
              "created_at",
              "token");
      assertThat(me.get("id").asText()).startsWith("user_");
      assertThat(me.get("org_id").asText()).startsWith("org_");
      assertThat(me.get("account_id").asText()).startsWith("acct_");
      assertThat(me.get("state").asText()).isEqualTo("Active");
      assertThat(me.get("roles")).extracting(JsonNode::asText).contains("AppAdmin");
      assertThat(me.get("created_at").asText())
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
      assertThat(me.at("/token/scope").asText()).isEqualTo("super");
    }
  }

  @Test
  void bareTokenWithoutBearerWorks() {
    Reply reply = lectern.get("/api/v1/app/me", null, "Authorization", ADMIN);
    assertThat(reply.status()).isEqualTo(200);
  }
}
