package dev.lectern.adapters.http.ragflow;

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
 * RAGFlow's errors: HTTP 200 with {@code {"code":N,"message":"…"}}; an unknown route is a real HTTP
 * 404 in RAGFlow's not-found shape.
 */
public final class RagflowErrorRenderer implements ErrorRenderer {
  static final String INVALID_KEY = "Authentication error: API key is invalid!";

  @Override
  public void render(Context ctx, LecternException error) {
    RagflowReply.failure(ctx, translate(error));
  }

  static RagflowFailure translate(LecternException error) {
    return switch (error) {
      case Unauthenticated e -> RagflowFailure.of(RagflowFailure.AUTHENTICATION, INVALID_KEY);
      case Forbidden e -> RagflowFailure.of(RagflowFailure.AUTHENTICATION, e.getMessage());
      case InvalidRequest e -> RagflowFailure.argument(e.getMessage());
      case PayloadTooLarge e -> RagflowFailure.argument(e.getMessage());
      case UnsupportedContent e -> RagflowFailure.data(e.getMessage());
      case NotFound e -> RagflowFailure.data(e.getMessage());
      case Conflict e -> RagflowFailure.data(e.getMessage());
      case TooManyRequests e -> RagflowFailure.data(e.getMessage());
      case UpstreamFailure e -> RagflowFailure.of(RagflowFailure.EXCEPTION, e.getMessage());
      case Unavailable e -> RagflowFailure.of(RagflowFailure.EXCEPTION, e.publicMessage());
      case Internal e -> RagflowFailure.of(RagflowFailure.EXCEPTION, e.publicMessage());
    };
  }

  /**
   * An error inside a begun converse stream, as RAGFlow frames one: code 500, the message, and the
   * message as the answer.
   */
  static ObjectNode streamed(LecternException error) {
    ObjectNode frame = Json.object();
    frame.put("code", RagflowFailure.SERVER);
    frame.put("message", error.publicMessage());
    ObjectNode data = frame.putObject("data");
    data.put("answer", inAnswer(error));
    data.putArray("reference");
    return frame;
  }

  /** An error as RAGFlow writes it into an answer's text. */
  static String inAnswer(LecternException error) {
    return "**ERROR**: " + error.publicMessage();
  }

  @Override
  public void renderNoRoute(Context ctx) {
    ObjectNode body = Json.object();
    body.put("code", 404);
    body.put("message", "Not Found: " + ctx.path());
    body.putNull("data");
    body.put("error", "Not Found");
    Json.respond(ctx, 404, body);
  }

  @Override
  public void renderInternal(Context ctx, String reference) {
    RagflowReply.failure(
        ctx,
        RagflowFailure.of(
            RagflowFailure.EXCEPTION, "internal server error (reference " + reference + ")"));
  }
}
