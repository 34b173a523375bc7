package dev.lectern.adapters.http.zylon;

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

/**
 * Zylon's errors: the v1 envelope {@code {"type":"error","error":{"type","message"}}} with the
 * status codes of the Zylon artifacts documentation (401, 403, 404, 409, 413, 422, 429).
 */
public final class ZylonErrorRenderer implements ErrorRenderer {

  private static final String RETRY_AFTER_SECONDS = "5";

  private record Status(int code, String type) {}

  @Override
  public void render(Context ctx, LecternException error) {
    Status status = status(error);
    if (status.code() == 401) {
      ctx.header("WWW-Authenticate", "Bearer");
    }
    if (status.code() == 429) {
      ctx.header("Retry-After", RETRY_AFTER_SECONDS);
    }
    Json.respond(ctx, status.code(), body(status.type(), error.publicMessage()));
  }

  /** An error inside a begun stream: the {@code error} event's data, typed as the plain error. */
  static ObjectNode streamed(LecternException error) {
    return body(status(error).type(), error.publicMessage());
  }

  private static Status status(LecternException error) {
    return switch (error) {
      case InvalidRequest e -> new Status(422, "invalid_request_error");
      case UnsupportedContent e -> new Status(422, "invalid_request_error");
      case Unauthenticated e -> new Status(401, "authentication_error");
      case Forbidden e -> new Status(403, "permission_error");
      case NotFound e -> new Status(404, "not_found_error");
      case Conflict e -> new Status(409, "conflict_error");
      case PayloadTooLarge e -> new Status(413, "request_too_large");
      case UpstreamFailure e -> new Status(502, "api_error");
      case Unavailable e -> new Status(503, "api_error");
      case Internal e -> new Status(500, "api_error");
      case TooManyRequests e -> new Status(429, "rate_limit_error");
    };
  }

  @Override
  public void renderNoRoute(Context ctx) {
    write(ctx, 404, "not_found_error", "no route for " + ctx.method() + " " + ctx.path());
  }

  @Override
  public void renderInternal(Context ctx, String reference) {
    write(ctx, 500, "api_error", "internal server error (reference " + reference + ")");
  }

  private static void write(Context ctx, int code, String type, String message) {
    Json.respond(ctx, code, body(type, message));
  }

  private static ObjectNode body(String type, String message) {
    ObjectNode body = Json.object();
    body.put("type", "error");
    body.putObject("error").put("type", type).put("message", message);
    return body;
  }
}
