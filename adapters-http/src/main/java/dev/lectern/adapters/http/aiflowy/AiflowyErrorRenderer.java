package dev.lectern.adapters.http.aiflowy;

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
 * AIFlowy's errors: the flat {@code {"message","type","param","code"}} of its OpenAI-compatible
 * endpoint, with the HTTP status its {@code code} names.
 */
public final class AiflowyErrorRenderer implements ErrorRenderer {
  /** One error as AIFlowy writes it. */
  record Failure(int status, String message, String type, String param) {
    ObjectNode body() {
      ObjectNode node = Json.object();
      node.put("message", message);
      node.put("type", type);
      node.put("param", param);
      node.put("code", Integer.toString(status));
      return node;
    }
  }

  @Override
  public void render(Context ctx, LecternException error) {
    Failure failure = translate(error);
    Json.respond(ctx, failure.status(), failure.body());
  }

  static Failure translate(LecternException error) {
    String field = error.field().orElse(null);
    return switch (error) {
      case Unauthenticated e ->
          new Failure(401, "Invalid token", "invalid_request_error", "authorization");
      case Forbidden e -> new Failure(403, "Bot Disabled", "permission_error", null);
      case NotFound e -> new Failure(404, "Bot Not Found", "resource_not_found_error", null);
      case InvalidRequest e when "model".equals(field) ->
          new Failure(404, "Llm Not Found", "resource_not_found_error", null);
      case InvalidRequest e -> new Failure(400, "Bad Request", e.getMessage(), field);
      case PayloadTooLarge e -> new Failure(413, "Payload Too Large", e.getMessage(), field);
      case UnsupportedContent e -> new Failure(400, "Bad Request", e.getMessage(), field);
      case Conflict e -> new Failure(409, "Conflict", e.getMessage(), field);
      case TooManyRequests e -> new Failure(429, "Too Many Requests", "rate_limit_error", null);
      case UpstreamFailure e -> new Failure(500, e.getMessage(), "error", null);
      case Unavailable e -> new Failure(503, e.publicMessage(), "error", null);
      case Internal e -> new Failure(500, e.publicMessage(), "error", null);
    };
  }

  @Override
  public void renderNoRoute(Context ctx) {
    Failure failure = new Failure(404, "Not Found", "invalid_request_error", null);
    Json.respond(ctx, 404, failure.body());
  }

  @Override
  public void renderInternal(Context ctx, String reference) {
    Failure failure =
        new Failure(500, "internal server error (reference " + reference + ")", "error", null);
    Json.respond(ctx, 500, failure.body());
  }
}
