package dev.lectern.adapters.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.adapters.http.admin.AdminAssistantHandlers;
import dev.lectern.adapters.http.admin.AdminErrorRenderer;
import dev.lectern.adapters.http.admin.AdminRoutes;
import dev.lectern.adapters.http.admin.AdminTaskHandlers;
import dev.lectern.adapters.http.common.BearerAuth;
import dev.lectern.adapters.http.common.ErrorRouting;
import dev.lectern.adapters.http.common.LecternServer;
import dev.lectern.adapters.http.common.RequestBodies;
import dev.lectern.adapters.http.zylon.ZylonArtifactHandlers;
import dev.lectern.adapters.http.zylon.ZylonErrorRenderer;
import dev.lectern.adapters.http.zylon.ZylonMessagesHandlers;
import dev.lectern.adapters.http.zylon.ZylonRoutes;
import dev.lectern.application.fakes.InMemoryLectern;
import dev.lectern.application.service.conversation.AnonymousConversationsService;
import dev.lectern.application.service.conversation.AnonymousQuota;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Fixture: the dialects' routes on a real HTTP server over {@link InMemoryLectern}, so that a
 * handler test sees what a client sees and what reached the application, without a database or an
 * index.
 */
public final class HandlerHarness implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  public final InMemoryLectern lectern = new InMemoryLectern();
  private final LecternServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  /** What came back. */
  public record Response(int status, String body, String contentType) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  public HandlerHarness() {
    var auth = new BearerAuth(lectern.authenticate);
    var bodies = new RequestBodies(1024 * 1024);
    var zylon =
        new ZylonRoutes(
            new ZylonArtifactHandlers.UseCases(
                lectern.ingest,
                lectern.listArtifacts,
                lectern.readContent,
                lectern.readChunked,
                lectern.delete,
                lectern.artifactTasks,
                lectern.artifactTasks,
                lectern.artifactTasks,
                lectern.retrieve),
            new ZylonMessagesHandlers.UseCases(
                lectern.replies, lectern.promptTokens, lectern.replyChecks, lectern.modelList),
            lectern.health,
            auth,
            bodies,
            1024 * 1024);
    var admin =
        new AdminRoutes(
            new AdminTaskHandlers.UseCases(lectern.taskAdmin, lectern.taskAdmin, lectern.taskAdmin),
            new AdminAssistantHandlers.UseCases(
                lectern.assistants,
                lectern.assistants,
                new AnonymousConversationsService(
                    lectern.assistantStore,
                    lectern.conversations,
                    new AnonymousQuota(lectern.conversations, AnonymousQuota.Limits.UNLIMITED))),
            auth,
            bodies);
    ErrorRouting errors = new ErrorRouting(new ZylonErrorRenderer());
    for (String prefix : AdminRoutes.PREFIXES) {
      errors.add(prefix, new AdminErrorRenderer());
    }
    server =
        new LecternServer(
            new LecternServer.Settings("127.0.0.1", 0, 2 * 1024 * 1024),
            errors,
            List.of(zylon, admin));
    server.start();
  }

  /** Sends a request with the admin token; {@code body} null for none. */
  public Response send(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + InMemoryLectern.ADMIN_TOKEN)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response post(String path, String body) {
    return send("POST", path, body);
  }

  @Override
  public void close() {
    server.close();
  }
}
