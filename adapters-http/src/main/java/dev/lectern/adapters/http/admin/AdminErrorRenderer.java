package dev.lectern.adapters.http.admin;

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
 * Errors of Lectern's own API: {@code {"error":{"code","message","field"?}}} with the HTTP status
 * that fits the error.
 */
public final class AdminErrorRenderer implements ErrorRenderer {
  private record Status(int code, String name) {}

  @Override
  public void render(Context ctx, LecternException error) {
    Status status =
        switch (error) {
          case InvalidRequest e -> new Status(422, "invalid_request");
          case UnsupportedContent e -> new Status(422, "unsupported_content");
          case Unauthenticated e -> new Status(401, "unauthenticated");
          case Forbidden e -> new Status(403, "forbidden");
          case NotFound e -> new Status(404, "not_found");
          case Conflict e -> new Status(409, "conflict");
          case PayloadTooLarge e -> new Status(413, "payload_too_large");
          case TooManyRequests e -> new Status(429, "too_many_requests");
          case UpstreamFailure e -> new Status(502, "upstream_failure");
          case Unavailable e -> new Status(503, "unavailable");
          case Internal e -> new Status(500, "internal");
        };
    if (status.code() == 401) {
      ctx.header("WWW-Authenticate", "Bearer");
    }
    write(
        ctx,
        status.code(),
        status.name(),
        error.publicMessage(),
        error.serverFault() ? null : error.field().orElse(null));
  }

  @Override
  public void renderNoRoute(Context ctx) {
    write(ctx, 404, "not_found", "no route for " + ctx.method() + " " + ctx.path(), null);
  }

  @Override
  public void renderInternal(Context ctx, String reference) {
    write(ctx, 500, "internal", "internal server error (reference " + reference + ")", null);
  }

  private static void write(Context ctx, int code, String name, String message, String field) {
    ObjectNode body = Json.object();
    ObjectNode error = body.putObject("error");
    error.put("code", name);
    error.put("message", message);
    if (field != null) {
      error.put("field", field);
    }
    Json.respond(ctx, code, body);
  }
}
