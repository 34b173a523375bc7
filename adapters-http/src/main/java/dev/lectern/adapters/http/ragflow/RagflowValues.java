package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.application.error.LecternException;

/** Python's {@code int()} and {@code float()} as RAGFlow applies them to loose parameters. */
final class RagflowValues {
  private RagflowValues() {}

  static int toInt(JsonNode value, int fallback) {
    if (value == null || value.isMissingNode()) {
      return fallback;
    }
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      return value.intValue();
    }
    if (value.isNumber()) {
      return (int) value.doubleValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? 1 : 0;
    }
    if (value.isTextual()) {
      return toInt(value.textValue());
    }
    throw typeError("int() argument must be a string, a bytes-like object or a real number", value);
  }

  static int toInt(String text) {
    long value = toLong(text);
    if (value != (int) value) {
      throw invalidLiteral(text);
    }
    return (int) value;
  }

  static long toLong(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw invalidLiteral(text);
    }
  }

  private static LecternException invalidLiteral(String text) {
    return RagflowErrors.unreadable(
        "ValueError(\"invalid literal for int() with base 10: " + echo(text) + "\")");
  }

  /**
   * A client's text as Python's errors repeat it, quoted, but cut after {@value #ECHO_CHARS}
   * characters as CPython cuts the value in {@code int()}'s error (the closing quote goes with the
   * cut), so that a long value never comes back whole.
   */
  static String echo(String text) {
    String quoted = "'" + text + "'";
    return quoted.length() <= ECHO_CHARS
        ? quoted
        : quoted.substring(
            0,
            Character.isHighSurrogate(quoted.charAt(ECHO_CHARS - 1)) ? ECHO_CHARS - 1 : ECHO_CHARS);
  }

  /** How much of a client's value an error repeats. */
  static final int ECHO_CHARS = 200;

  static double toFloat(JsonNode value, double fallback) {
    if (value == null || value.isMissingNode()) {
      return fallback;
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isTextual()) {
      try {
        return Double.parseDouble(value.textValue().strip());
      } catch (NumberFormatException e) {
        throw RagflowErrors.unreadable(
            "ValueError(\"could not convert string to float: " + echo(value.textValue()) + "\")");
      }
    }
    throw typeError("float() argument must be a string or a real number", value);
  }

  private static LecternException typeError(String message, JsonNode value) {
    return RagflowErrors.unreadable(
        "TypeError(\"" + message + ", not '" + RagflowBodies.pythonType(value) + "'\")");
  }
}
