package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.RequestBodies;
import io.javalin.http.Context;
import java.util.Locale;

/** Reads RAGFlow request bodies with RAGFlow's messages for malformed ones. */
final class RagflowBodies {
  static final String MALFORMED =
      "Malformed JSON syntax: Missing commas/brackets or invalid encoding";

  private final RequestBodies bodies;

  RagflowBodies(RequestBodies bodies) {
    this.bodies = bodies;
  }

  /**
   * The body of an endpoint validated like RAGFlow's dataset endpoints: JSON content type, well
   * formed, an object.
   */
  ObjectNode strictObject(Context ctx) {
    String type = ctx.contentType();
    String mime = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (!mime.equals("application/json")) {
      throw RagflowErrors.argument(
          "Unsupported content type: Expected application/json, got " + (type == null ? "" : type));
    }
    JsonNode tree = parse(ctx);
    if (tree == null) {
      throw RagflowErrors.argument(MALFORMED);
    }
    if (!tree.isObject()) {
      throw RagflowErrors.argument(
          "Invalid request payload: expected object, got " + pythonType(tree));
    }
    return (ObjectNode) tree;
  }

  /** The body as an object; an empty body is an empty object. */
  ObjectNode object(Context ctx) {
    JsonNode tree = parse(ctx);
    if (tree == null) {
      return Json.object();
    }
    if (!tree.isObject()) {
      throw RagflowErrors.unreadable(
          "AttributeError(\"'" + pythonType(tree) + "' object has no attribute 'get'\")");
    }
    return (ObjectNode) tree;
  }

  /** The parsed body, or null when it is empty. */
  private JsonNode parse(Context ctx) {
    return bodies.tree(ctx, problem -> RagflowErrors.argument(MALFORMED));
  }

  /** The name Python gives the type of a JSON value. */
  static String pythonType(JsonNode value) {
    if (value == null || value.isNull()) {
      return "NoneType";
    }
    return switch (value.getNodeType()) {
      case STRING -> "str";
      case BOOLEAN -> "bool";
      case NUMBER -> value.isIntegralNumber() ? "int" : "float";
      case ARRAY -> "list";
      case OBJECT -> "dict";
      default -> "object";
    };
  }
}
