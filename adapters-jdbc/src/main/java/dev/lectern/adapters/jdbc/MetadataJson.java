package dev.lectern.adapters.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stores metadata maps (and lists of lines) as JSON text, keeping key order and value types. */
final class MetadataJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP_TYPE =
      new TypeReference<>() {};
  private static final TypeReference<List<String>> LINES_TYPE = new TypeReference<>() {};
  private static final TypeReference<List<Map<String, Object>>> OBJECTS_TYPE =
      new TypeReference<>() {};

  private MetadataJson() {}

  static String write(Object metadata) {
    try {
      return MAPPER.writeValueAsString(metadata);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("metadata is not representable as JSON", e);
    }
  }

  /**
   * Lines as JSON of at most {@code maxChars} characters: the oldest lines are dropped until the
   * rest fits (the newest say what happened last).
   */
  static String writeLines(List<String> lines, int maxChars) {
    String json = write(lines);
    int from = 0;
    while (json.length() > maxChars && from < lines.size()) {
      // Drop about as many lines as the excess needs, at least one.
      int excess = json.length() - maxChars;
      int drop = Math.max(1, excess * (lines.size() - from) / json.length());
      from = Math.min(lines.size(), from + drop);
      json = write(lines.subList(from, lines.size()));
    }
    return json;
  }

  static Map<String, Object> read(String json) {
    try {
      return MAPPER.readValue(json, MAP_TYPE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored metadata is not valid JSON", e);
    }
  }

  static List<Map<String, Object>> readObjects(String json) {
    try {
      return MAPPER.readValue(json, OBJECTS_TYPE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored objects are not valid JSON", e);
    }
  }

  static List<String> readLines(String json) {
    try {
      return MAPPER.readValue(json, LINES_TYPE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored lines are not valid JSON", e);
    }
  }
}
