package dev.lectern.adapters.http.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.error.LecternException;
import io.javalin.http.Context;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server renders an error in the dialect whose route matched, not by the path's prefix. */
class DialectRoutesTest {
  /** Writes its name and the problem, so that a test sees which dialect rendered. */
  record Named(String name) implements ErrorRenderer {
    @Override
    public void render(Context ctx, LecternException error) {
      ctx.status(400).result(name + ": " + error.publicMessage());
    }

    @Override
    public void renderNoRoute(Context ctx) {
      ctx.status(404).result(name + ": no route");
    }

    @Override
    public void renderInternal(Context ctx, String reference) {
      ctx.status(500).result(name + ": internal");
    }
  }

  LecternServer server;

  @BeforeEach
  void start() {
    // "wide" owns /api/v1/ by prefix; "narrow" serves one route beneath it.
    ErrorRouting errors =
        new ErrorRouting(new Named("fallback")).add("/api/v1/", new Named("wide"));
    server =
        new LecternServer(
                new LecternServer.Settings("127.0.0.1", 0, 1024),
                errors,
                List.of(
                    config ->
                        new DialectRoutes(config, new Named("wide"))
                            .get(
                                "/api/v1/datasets",
                                ctx -> {
                                  throw new InvalidRequest("page: bad", "page");
                                }),
                    config ->
                        new DialectRoutes(config, new Named("narrow"))
                            .post(
                                "/api/v1/cloud-ai/agents/{id}/call",
                                ctx -> {
                                  throw new InvalidRequest("message: Field required", "message");
                                })))
            .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  HttpResponse<String> send(String method, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void eachRouteSpeaksItsOwnDialectAndUnmatchedPathsFallBackToThePrefix() throws Exception {
    assertThat(send("POST", "/api/v1/cloud-ai/agents/a1/call").body())
        .isEqualTo("narrow: message: Field required");
    assertThat(send("GET", "/api/v1/datasets").body()).isEqualTo("wide: page: bad");
    assertThat(send("GET", "/api/v1/nothing-here").body()).isEqualTo("wide: no route");
    assertThat(send("GET", "/elsewhere").body()).isEqualTo("fallback: no route");
  }
}
