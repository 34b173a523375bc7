package dev.lectern.adapters.http.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON mapper every dialect shares, and helpers to answer with JSON. */
public final class Json {
  /** How deeply a request body may nest objects and arrays. */
  static final int MAX_NESTING_DEPTH = 200;

  public static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder().streamReadConstraints(constraints(Integer.MAX_VALUE)).build())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private Json() {}

  /** What a request body may hold: nesting as deep as the limit, strings of {@code maxChars}. */
  private static StreamReadConstraints constraints(int maxChars) {
    return StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxStringLength(maxChars)
        .build();
  }

  /** The shared mapper's configuration, with strings of at most {@code maxChars} characters. */
  static ObjectMapper withMaxStringLength(int maxChars) {
    return MAPPER.copyWith(
        MAPPER.getFactory().rebuild().streamReadConstraints(constraints(maxChars)).build());
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Writes {@code body} (a tree, a map, a record or null) as the JSON response. */
  public static void respond(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response is not serialisable", e);
    }
  }

  /** A JSON value as plain Java: maps keep key order, numbers stay numbers. */
  public static Object toJava(JsonNode node) {
    return MAPPER.convertValue(node, Object.class);
  }

  /** A JSON object as a Java map in key order. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> toMap(JsonNode node) {
    return (Map<String, Object>) MAPPER.convertValue(node, LinkedHashMap.class);
  }
}
