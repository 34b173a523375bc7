package dev.lectern.adapters.http.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.application.error.InvalidRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed access to the fields of a JSON object. Every failure is an {@link InvalidRequest} whose
 * message starts with the dotted path of the offending field.
 */
public final class JsonFields {
  private final JsonNode node;
  private final String path;

  private JsonFields(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** The root of a request body, which must be an object. */
  public static JsonFields root(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidRequest("body: expected a JSON object but got " + describe(body), "body");
    }
    return new JsonFields(body, "");
  }

  /** Refuses any field not among {@code known}, naming the first. */
  public void onlyKnown(java.util.Set<String> known) {
    var names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new InvalidRequest(
            pathOf(name)
                + ": unknown field; known are "
                + String.join(", ", new java.util.TreeSet<>(known)),
            pathOf(name));
      }
    }
  }

  public String pathOf(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  public boolean has(String name) {
    JsonNode value = node.get(name);
    return value != null && !value.isNull();
  }

  public String requiredString(String name) {
    return optionalString(name).orElseThrow(() -> missing(name));
  }

  public Optional<String> optionalString(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw wrongType(name, "a string", value);
    }
    return Optional.of(value.textValue());
  }

  /** A string of 1 to {@code maxLength} characters. */
  public String requiredId(String name, int maxLength) {
    String value = requiredString(name);
    checkLength(name, value, maxLength);
    return value;
  }

  public void checkLength(String name, String value, int maxLength) {
    if (value.isEmpty() || value.length() > maxLength) {
      throw new InvalidRequest(
          pathOf(name) + ": must be between 1 and " + maxLength + " characters long", pathOf(name));
    }
    if (value.indexOf('\u0000') >= 0) {
      throw new InvalidRequest(pathOf(name) + ": must not contain NUL characters", pathOf(name));
    }
  }

  public JsonFields requiredObject(String name) {
    return optionalObject(name).orElseThrow(() -> missing(name));
  }

  public Optional<JsonFields> optionalObject(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      throw wrongType(name, "an object", value);
    }
    return Optional.of(new JsonFields(value, pathOf(name)));
  }

  /** An optional array of objects; null when absent or null. */
  public List<JsonFields> optionalObjects(String name) {
    JsonNode value = optionalArray(name);
    if (value == null) {
      return null;
    }
    List<JsonFields> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      String itemPath = pathOf(name) + "[" + i + "]";
      if (!item.isObject()) {
        throw new InvalidRequest(
            itemPath + ": expected an object but got " + describe(item), itemPath);
      }
      items.add(new JsonFields(item, itemPath));
    }
    return items;
  }

  /** An optional array of strings; null when absent or null. */
  public List<String> optionalStrings(String name) {
    JsonNode value = optionalArray(name);
    if (value == null) {
      return null;
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual()) {
        String itemPath = pathOf(name) + "[" + i + "]";
        throw new InvalidRequest(
            itemPath + ": expected a string but got " + describe(item), itemPath);
      }
      items.add(item.textValue());
    }
    return items;
  }

  /** An optional integer within bounds. */
  public Optional<Integer> optionalInt(String name, int min, int max) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw wrongType(name, "an integer", value);
    }
    long number = value.longValue();
    if (number < min || number > max) {
      throw new InvalidRequest(
          pathOf(name) + ": must be between " + min + " and " + max + ", got " + number,
          pathOf(name));
    }
    return Optional.of((int) number);
  }

  /** An optional boolean. */
  public Optional<Boolean> optionalBoolean(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      throw wrongType(name, "a boolean", value);
    }
    return Optional.of(value.booleanValue());
  }

  /** An optional number within bounds. */
  public Optional<Double> optionalDouble(String name, double min, double max) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isNumber()) {
      throw wrongType(name, "a number", value);
    }
    double number = value.doubleValue();
    if (!(number >= min && number <= max)) {
      throw new InvalidRequest(
          pathOf(name) + ": must be between " + min + " and " + max + ", got " + value,
          pathOf(name));
    }
    return Optional.of(number);
  }

  /** The raw value of a field, or null. */
  public JsonNode raw(String name) {
    return node.get(name);
  }

  public InvalidRequest missing(String name) {
    return new InvalidRequest(pathOf(name) + ": field required", pathOf(name));
  }

  private JsonNode optionalArray(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw wrongType(name, "an array", value);
    }
    return value;
  }

  private InvalidRequest wrongType(String name, String expected, JsonNode actual) {
    return new InvalidRequest(
        pathOf(name) + ": expected " + expected + " but got " + describe(actual), pathOf(name));
  }

  static String describe(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "nothing";
    }
    return switch (value.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NULL -> "null";
      default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
