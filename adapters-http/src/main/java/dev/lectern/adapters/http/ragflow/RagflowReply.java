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

  static void failure(Context ctx, RagflowFailure failure) {
    ObjectNode body = Json.object();
    body.put("code", failure.code());
    if (failure.hasData()) {
      body.set("data", failure.data());
    }
    body.put("message", failure.getMessage());
    Json.respond(ctx, 200, body);
  }
}
