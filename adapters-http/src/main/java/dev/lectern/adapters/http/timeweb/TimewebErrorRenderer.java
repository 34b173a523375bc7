package dev.lectern.adapters.http.timeweb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.ErrorRenderer;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.error.Conflict;
import dev.lectern.application.error.Forbidden;
import dev.lectern.application.error.Internal;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.error.PayloadTooLarge;
import dev.lectern.application.error.TooManyRequests;
import dev.lectern.application.error.Unauthenticated;
import dev.lectern.application.error.Unavailable;
import dev.lectern.application.error.UnsupportedContent;
import dev.lectern.application.error.UpstreamFailure;
import io.javalin.http.Context;
import java.util.UUID;

/**
 * Timeweb's errors with their real HTTP status: the native API's {@code {"status_code",
 * "error_code","message","response_id"}}, and OpenAI's {@code {"error":{…}}} on the agents'
 * OpenAI-compatible paths.
 */
public final class TimewebErrorRenderer implements ErrorRenderer {
  /** One error: its status, Timeweb's code word, and what it says. */
  record Failure(int status, String code, String message) {}

  @Override
  public void render(Context ctx, LecternException error) {
    respond(ctx, translate(error));
  }

  static Failure translate(LecternException error) {
    return switch (error) {
      case Unauthenticated e -> new Failure(401, "unauthorized", e.getMessage());
      case Forbidden e -> new Failure(403, "forbidden", e.getMessage());
      case NotFound e -> new Failure(404, "not_found", e.getMessage());
      case InvalidRequest e -> new Failure(400, "bad_request", e.getMessage());
      case UnsupportedContent e -> new Failure(400, "bad_request", e.getMessage());
      case PayloadTooLarge e -> new Failure(413, "payload_too_large", e.getMessage());
      case Conflict e -> new Failure(409, "conflict", e.getMessage());
      case TooManyRequests e -> new Failure(429, "too_many_requests", e.getMessage());
      case UpstreamFailure e -> new Failure(500, "internal_server_error", e.getMessage());
      case Unavailable e -> new Failure(503, "service_unavailable", e.publicMessage());
      case Internal e -> new Failure(500, "internal_server_error", e.publicMessage());
    };
  }

  /** An error inside a begun OpenAI-compatible stream: OpenAI's error object as an event. */
  static ObjectNode streamed(LecternException error) {
    return openAiBody(translate(error));
  }

  static void respond(Context ctx, Failure failure) {
    Json.respond(
        ctx, failure.status(), openAi(ctx.path()) ? openAiBody(failure) : nativeBody(failure));
  }

  /** The agents' OpenAI-compatible paths: {@code …/agents/{id}/v1/…}. */
  private static boolean openAi(String path) {
    return path.contains("/v1/chat/") || path.endsWith("/v1/models");
  }

  private static ObjectNode nativeBody(Failure failure) {
    ObjectNode node = Json.object();
    node.put("status_code", failure.status());
    node.put("error_code", failure.code());
    node.put("message", failure.message());
    node.put("response_id", UUID.randomUUID().toString());
    return node;
  }

  private static ObjectNode openAiBody(Failure failure) {
    ObjectNode node = Json.object();
    ObjectNode error = node.putObject("error");
    error.put("message", failure.message());
    error.put("type", failure.status() >= 500 ? "server_error" : "invalid_request_error");
    error.put("code", failure.code());
    return node;
  }

  @Override
  public void renderNoRoute(Context ctx) {
    respond(ctx, new Failure(404, "not_found", "no such path: " + ctx.path()));
  }

  @Override
  public void renderInternal(Context ctx, String reference) {
    respond(
        ctx,
        new Failure(
            500, "internal_server_error", "internal server error (reference " + reference + ")"));
  }
}
