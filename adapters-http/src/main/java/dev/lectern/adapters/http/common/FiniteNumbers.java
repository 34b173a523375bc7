package dev.lectern.adapters.http.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Finds numbers in a JSON value that no double can hold ({@code 1e400}): stored, they would read
 * back as {@code Infinity}, which neither JSON nor a comparison can take.
 */
public final class FiniteNumbers {
  private FiniteNumbers() {}

  /** The path of the first such number under {@code path}, or null when every number is finite. */
  public static String firstNonFinite(JsonNode value, String path) {
    if (value == null) {
      return null;
    }
    if (value.isNumber()) {
      return Double.isFinite(value.doubleValue()) ? null : path;
    }
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        String found = firstNonFinite(value.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    } else if (value.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String found = firstNonFinite(field.getValue(), path + "." + field.getKey());
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
