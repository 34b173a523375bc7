package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import io.javalin.http.Context;

/** Writes RAGFlow's success envelope: {@code {"code":0,"data":…}}, always HTTP 200. */
final class RagflowReply {
  private RagflowReply() {}

  /** {@code {"code":0}}. */
  static void ok(Context ctx) {
    ObjectNode body = Json.object();
    body.put("code", 0);
    Json.respond(ctx, 200, body);
  }

  /** {@code {"code":0,"data":data}}; {@code data} is omitted when null, as RAGFlow does. */
  static void ok(Context ctx, JsonNode data) {
    Json.respond(ctx, 200, envelope(data));
  }

  static ObjectNode envelope(JsonNode data) {
    ObjectNode body = Json.object();
    body.put("code", 0);
    if (data != null && !data.isNull()) {
      body.set("data", data);
    }
    return body;
  }

  static void failure(Context ctx, RagflowErrorRenderer.Failure failure) {
    ObjectNode body = Json.object();
    body.put("code", failure.code());
    switch (failure.data()) {
      case FALSE -> body.put("data", false);
      case NULL -> body.putNull("data");
      case NONE -> {
        // RAGFlow's errors carry no data.
      }
    }
    body.put("message", failure.message());
    Json.respond(ctx, 200, body);
  }
}
