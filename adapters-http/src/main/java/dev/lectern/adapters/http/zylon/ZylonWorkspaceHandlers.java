package dev.lectern.adapters.http.zylon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.BearerAuth;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.port.in.access.Caller;
import dev.lectern.application.port.in.health.CheckHealthUseCase;
import dev.lectern.application.port.in.health.HealthReport;
import dev.lectern.domain.token.ApiToken;
import dev.lectern.domain.token.TokenScope;
import io.javalin.http.Context;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Zylon workspace endpoints: who is calling, and the health probe. */
final class ZylonWorkspaceHandlers {
  private final BearerAuth auth;
  private final CheckHealthUseCase health;

  ZylonWorkspaceHandlers(BearerAuth auth, CheckHealthUseCase health) {
    this.auth = auth;
    this.health = health;
  }

  void me(Context ctx) {
    Caller caller = auth.caller(ctx);
    ApiToken token = caller.token();
    String compactId = token.id().replace("-", "");
    ObjectNode body = Json.object();
    body.put("id", "user_" + compactId);
    body.put("org_id", "org_" + caller.org().id());
    body.put("account_id", "acct_" + compactId);
    body.put("name", token.name());
    body.put("email", emailOf(token, caller));
    body.put("state", "Active");
    var roles = body.putArray("roles");
    if (token.scope() == TokenScope.SUPER) {
      roles.add("SuperAdmin");
    }
    roles.add("AppAdmin");
    body.put("created_at", token.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
    body.putObject("token")
        .put("id", token.id())
        .put("name", token.name())
        .put("scope", token.scope().wireName());
    Json.respond(ctx, 200, body);
  }

  /** {@code {"status":"ok"}}, or 503 with what is wrong, so that a supervisor can act on it. */
  void health(Context ctx) {
    HealthReport report = health.check();
    if (report.healthy()) {
      Json.respond(ctx, 200, Json.object().put("status", "ok"));
      return;
    }
    ObjectNode body = Json.object().put("status", "unavailable");
    report.problems().forEach(body.putArray("problems")::add);
    Json.respond(ctx, 503, body);
  }

  /** Tokens have no mailbox; a stable, clearly synthetic address identifies them. */
  private static String emailOf(ApiToken token, Caller caller) {
    String local = token.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    return (local.isBlank() ? "token" : local) + "@" + caller.org().slug() + ".lectern.local";
  }
}
