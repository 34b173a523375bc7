package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.application.error.LecternException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Collects validation errors worded as pydantic words them, and joins them the way RAGFlow reports
 * them: {@code Field: <loc> - Message: <msg> - Value: <input>}, one per line.
 */
final class Pydantic {
  static final String REQUIRED = "Field required";
  static final String STRING = "Input should be a valid string";
  static final String INTEGER = "Input should be a valid integer";
  static final String NUMBER = "Input should be a valid number";
  static final String BOOLEAN = "Input should be a valid boolean";
  static final String LIST = "Input should be a valid list";
  static final String EXTRA = "Extra inputs are not permitted";

  private final List<String> errors = new ArrayList<>();

  void add(String loc, String message, JsonNode input) {
    String value = str(input);
    if (value.length() > 128) {
      value = value.substring(0, 125) + "...";
    }
    errors.add("Field: <" + loc + "> - Message: <" + message + "> - Value: <" + value + ">");
  }

  boolean ok() {
    return errors.isEmpty();
  }

  /** Throws the collected errors as one RAGFlow argument error (code 101). */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw RagflowErrors.argument(String.join("\n", errors));
    }
  }

  /** One error as RAGFlow reports it, ready to throw. */
  static LecternException failure(String loc, String message, JsonNode input) {
    Pydantic errors = new Pydantic();
    errors.add(loc, message, input);
    return RagflowErrors.argument(errors.errors.get(0));
  }

  static String atLeast(int n) {
    return "String should have at least " + n + " character" + (n == 1 ? "" : "s");
  }

  static String atMost(int n) {
    return "String should have at most " + n + " character" + (n == 1 ? "" : "s");
  }

  static String literal(List<String> options) {
    StringBuilder text = new StringBuilder("Input should be ");
    for (int i = 0; i < options.size(); i++) {
      if (i > 0) {
        text.append(i == options.size() - 1 ? " or " : ", ");
      }
      text.append('\'').append(options.get(i)).append('\'');
    }
    return text.toString();
  }

  /** Python's {@code str()} of a JSON value. */
  static String str(JsonNode value) {
    if (value != null && value.isTextual()) {
      return value.textValue();
    }
    return repr(value);
  }

  /** Python's {@code repr()} of a JSON value. */
  static String repr(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "None";
    }
    if (value.isTextual()) {
      return "'" + value.textValue().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? "True" : "False";
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(repr(item)));
      return "[" + String.join(", ", items) + "]";
    }
    if (value.isObject()) {
      List<String> items = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        items.add("'" + field.getKey() + "': " + repr(field.getValue()));
      }
      return "{" + String.join(", ", items) + "}";
    }
    return value.asText();
  }
}
