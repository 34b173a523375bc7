package dev.lectern.adapters.http.zylon;

import dev.lectern.adapters.http.common.BearerAuth;
import dev.lectern.adapters.http.common.DialectRoutes;
import dev.lectern.adapters.http.common.RequestBodies;
import dev.lectern.application.port.in.health.CheckHealthUseCase;
import io.javalin.config.RoutesConfig;
import java.util.function.Consumer;

/** Mounts the Zylon dialect: workspace under {@code /api/v1}, artifacts under {@code /api/gpt}. */
public final class ZylonRoutes implements Consumer<RoutesConfig> {
  /** Path prefixes whose errors Zylon renders. */
  public static final String[] PREFIXES = {
    "/api/gpt/", "/api/v1/account/", "/api/v1/app/", "/health"
  };

  private static final String ARTIFACTS = "/api/gpt/v1/artifacts/";

  private final ZylonArtifactHandlers artifacts;
  private final ZylonWorkspaceHandlers workspace;
  private final ZylonSearchHandlers search;
  private final ZylonMessagesHandlers messages;
  private final RequestBodies bodies;

  public ZylonRoutes(
      ZylonArtifactHandlers.UseCases useCases,
      ZylonMessagesHandlers.UseCases replies,
      CheckHealthUseCase health,
      BearerAuth auth,
      RequestBodies bodies,
      long maxInputBytes) {
    this.bodies = bodies;
    ZylonRequests requests = new ZylonRequests(maxInputBytes);
    this.artifacts = new ZylonArtifactHandlers(useCases, auth, bodies, requests);
    this.search = new ZylonSearchHandlers(useCases.retrieve(), auth, bodies, requests);
    this.workspace = new ZylonWorkspaceHandlers(auth, health);
    this.messages =
        new ZylonMessagesHandlers(replies, auth, bodies, requests, ZylonMessageStream.PING_AFTER);
  }

  @Override
  public void accept(RoutesConfig config) {
    DialectRoutes routes = new DialectRoutes(config, new ZylonErrorRenderer());
    routes.get("/health", workspace::health);
    routes.get("/api/v1/account/me", workspace::me);
    routes.get("/api/v1/app/me", workspace::me);
    routes.post(ARTIFACTS + "ingest", artifacts::ingest);
    routes.get(ARTIFACTS + "list", artifacts::list);
    routes.post(ARTIFACTS + "content", artifacts::content);
    routes.post(ARTIFACTS + "chunked-content", artifacts::chunkedContent);
    routes.post(ARTIFACTS + "delete", artifacts::delete);
    routes.post(ARTIFACTS + "ingest/async", artifacts::ingestAsync);
    routes.get(ARTIFACTS + "ingest/async/{task_id}", artifacts::ingestTask);
    routes.post(ARTIFACTS + "delete/async", artifacts::deleteAsync);
    routes.get(ARTIFACTS + "delete/async/{task_id}", artifacts::deleteTask);
    routes.post("/api/gpt/v1/primitives/search", search::search);
    routes.post("/api/gpt/v1/messages", bodies.answering(messages::messages));
    routes.post("/api/gpt/v1/messages/count_tokens", bodies.answering(messages::countTokens));
    routes.post("/api/gpt/v1/messages/validate", bodies.answering(messages::validate));
    routes.get("/api/gpt/v1/models", messages::models);
  }
}
