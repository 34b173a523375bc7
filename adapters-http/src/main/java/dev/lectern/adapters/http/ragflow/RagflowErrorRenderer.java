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

  static final int EXCEPTION = 100;
  static final int ARGUMENT = 101;
  static final int DATA = 102;
  static final int OPERATING = 103;
  static final int PERMISSION = 108;
  static final int AUTHENTICATION = 109;
  static final int SERVER = 500;
  static final int INVALID_CHUNK_ID = 1001;
  static final int CHUNK_UPDATE_FAILED = 1002;

  /**
   * An error as RAGFlow's envelope says it: its code and message, and whether the envelope carries
   * {@code data} (false, or null).
   */
  record Failure(int code, String message, Data data) {
    enum Data {
      NONE,
      FALSE,
      NULL
    }
  }

  @Override
  public void render(Context ctx, LecternException error) {
    RagflowReply.failure(ctx, translate(error));
  }

  /** RAGFlow's code for the error's reason, or else for its kind. */
  static Failure translate(LecternException error) {
    String message = error.publicMessage();
    return switch (error.reason()) {
      case MISSING ->
          new Failure(error instanceof Unauthenticated ? 0 : ARGUMENT, message, Failure.Data.FALSE);
      case INCOMPLETE -> new Failure(ARGUMENT, message, Failure.Data.NULL);
      case MALFORMED -> failure(ARGUMENT, message);
      case REFUSED -> failure(DATA, message);
      case NOT_OWNER -> failure(OPERATING, message);
      case NO_PERMISSION -> failure(PERMISSION, message);
      case INCOMPATIBLE -> failure(AUTHENTICATION, message);
      case UNREADABLE -> failure(EXCEPTION, message);
      case UNPROCESSABLE -> failure(SERVER, message);
      case BUSY -> failure(DATA, RagflowParsingWords.BUSY);
      case NOT_STOPPABLE -> failure(DATA, RagflowParsingWords.NOT_STOPPABLE);
      case UNKNOWN_PART -> failure(INVALID_CHUNK_ID, message);
      case NOT_STORED -> failure(CHUNK_UPDATE_FAILED, error.getMessage());
      case UNSPECIFIED -> byKind(error);
    };
  }

  private static Failure byKind(LecternException error) {
    return switch (error) {
      case Unauthenticated e -> failure(AUTHENTICATION, INVALID_KEY);
      case Forbidden e -> failure(AUTHENTICATION, e.getMessage());
      case InvalidRequest e -> failure(ARGUMENT, e.getMessage());
      case PayloadTooLarge e -> failure(ARGUMENT, e.getMessage());
      case UnsupportedContent e -> failure(DATA, e.getMessage());
      case NotFound e -> failure(DATA, e.getMessage());
      case Conflict e -> failure(DATA, e.getMessage());
      case TooManyRequests e -> failure(DATA, e.getMessage());
      case UpstreamFailure e -> failure(EXCEPTION, e.getMessage());
      case Unavailable e -> failure(EXCEPTION, e.publicMessage());
      case Internal e -> failure(EXCEPTION, e.publicMessage());
    };
  }

  private static Failure failure(int code, String message) {
    return new Failure(code, message, Failure.Data.NONE);
  }

  /**
   * An error inside a begun converse stream, as RAGFlow frames one: code 500, the message, and the
   * message as the answer.
   */
  static ObjectNode streamed(LecternException error) {
    ObjectNode frame = Json.object();
    frame.put("code", SERVER);
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
        ctx, failure(EXCEPTION, "internal server error (reference " + reference + ")"));
  }
}
