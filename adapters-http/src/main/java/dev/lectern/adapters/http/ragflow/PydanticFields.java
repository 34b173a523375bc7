package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Strict pydantic-style checks of the fields of one JSON object, reported into {@link Pydantic}.
 */
final class PydanticFields {
  private final JsonNode object;
  private final String loc;
  private final Pydantic errors;

  PydanticFields(JsonNode object, String loc, Pydantic errors) {
    this.object = object;
    this.loc = loc;
    this.errors = errors;
  }

  private String at(String name) {
    return loc.isEmpty() ? name : loc + "." + name;
  }

  void forbidExtra(Set<String> allowed) {
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        errors.add(at(name), Pydantic.EXTRA, object.get(name));
      }
    }
  }

  /** Whether the field is present, counting an explicit null. */
  boolean present(String name) {
    return object.has(name);
  }

  void integer(String name, long min, long max, boolean nullable) {
    JsonNode value = object.get(name);
    if (value == null || (nullable && value.isNull())) {
      return;
    }
    if (!value.isIntegralNumber()) {
      errors.add(at(name), Pydantic.INTEGER, value);
    } else if (value.longValue() < min) {
      errors.add(at(name), "Input should be greater than or equal to " + min, value);
    } else if (value.longValue() > max) {
      errors.add(at(name), "Input should be less than or equal to " + max, value);
    }
  }

  void number(String name, double min, double max, boolean nullable) {
    JsonNode value = object.get(name);
    if (value == null || (nullable && value.isNull())) {
      return;
    }
    if (!value.isNumber()) {
      errors.add(at(name), Pydantic.NUMBER, value);
    } else if (value.doubleValue() < min) {
      errors.add(at(name), "Input should be greater than or equal to " + format(min), value);
    } else if (value.doubleValue() > max) {
      errors.add(at(name), "Input should be less than or equal to " + format(max), value);
    }
  }

  void bool(String name) {
    JsonNode value = object.get(name);
    if (value != null && !value.isBoolean()) {
      errors.add(at(name), Pydantic.BOOLEAN, value);
    }
  }

  /** A string of {@code min}..{@code max} characters; returns it when valid, else null. */
  String string(String name, int min, int max, boolean nullable) {
    JsonNode value = object.get(name);
    if (value == null || (nullable && value.isNull())) {
      return null;
    }
    if (!value.isTextual()) {
      errors.add(at(name), Pydantic.STRING, value);
      return null;
    }
    return length(name, value.textValue(), min, max, value);
  }

  /** A string checked after stripping whitespace; returns the stripped text when valid. */
  String strippedString(String name, int min) {
    return strippedString(name, min, Integer.MAX_VALUE);
  }

  String strippedString(String name, int min, int max) {
    JsonNode value = object.get(name);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      errors.add(at(name), Pydantic.STRING, value);
      return null;
    }
    return length(name, value.textValue().strip(), min, max, value);
  }

  private String length(String name, String text, int min, int max, JsonNode value) {
    int length = text.codePointCount(0, text.length());
    if (length < min) {
      errors.add(at(name), Pydantic.atLeast(min), value);
      return null;
    }
    if (length > max) {
      errors.add(at(name), Pydantic.atMost(max), value);
      return null;
    }
    return text;
  }

  /** One of the options, exactly; returns it when valid. */
  String literal(String name, List<String> options) {
    JsonNode value = object.get(name);
    if (value == null) {
      return null;
    }
    if (!value.isTextual() || !options.contains(value.textValue())) {
      errors.add(at(name), Pydantic.literal(options), value);
      return null;
    }
    return value.textValue();
  }

  void strings(String name) {
    JsonNode value = object.get(name);
    if (value == null) {
      return;
    }
    if (!value.isArray()) {
      errors.add(at(name), Pydantic.LIST, value);
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isTextual()) {
        errors.add(at(name) + "." + i, Pydantic.STRING, value.get(i));
      }
    }
  }

  void pages(String name) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      return;
    }
    if (!value.isArray()) {
      errors.add(at(name), Pydantic.LIST, value);
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode range = value.get(i);
      if (!range.isArray()) {
        errors.add(at(name) + "." + i, Pydantic.LIST, range);
        continue;
      }
      for (int j = 0; j < range.size(); j++) {
        if (!range.get(j).isIntegralNumber()) {
          errors.add(at(name) + "." + i + "." + j, Pydantic.INTEGER, range.get(j));
        }
      }
    }
  }

  private static String format(double bound) {
    return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
  }
}
