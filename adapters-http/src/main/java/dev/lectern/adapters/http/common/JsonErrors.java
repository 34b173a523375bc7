package dev.lectern.adapters.http.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in plain words what is wrong with a body that is not valid JSON. The parser's own messages
 * name its classes and settings; clients get the problem and where it is instead.
 */
final class JsonErrors {
  private static final Pattern UNEXPECTED_CHARACTER =
      Pattern.compile("Unexpected character \\('(.{1,2})' \\(code (\\d+)\\)");
  private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '([^']{0,40})");
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{0,80})'");

  private JsonErrors() {}

  static String describe(JsonProcessingException e) {
    return problem(e) + location(e);
  }

  private static String problem(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof StreamConstraintsException) {
      return message.contains("depth")
          ? "nested deeper than " + Json.MAX_NESTING_DEPTH + " levels"
          : "a value is longer than this server accepts";
    }
    if (message.startsWith("Trailing token")) {
      return "unexpected data after the JSON value";
    }
    Matcher duplicate = DUPLICATE.matcher(message);
    if (duplicate.find()) {
      return "duplicate field '" + duplicate.group(1) + "'";
    }
    if (message.startsWith("Unexpected end-of-input")) {
      return "the JSON ends before it is complete";
    }
    Matcher character = UNEXPECTED_CHARACTER.matcher(message);
    if (character.find()) {
      int code = Integer.parseInt(character.group(2));
      return "unexpected character "
          + (code < 32 || code == 127
              ? String.format(Locale.ROOT, "U+%04X", code)
              : "'" + character.group(1) + "'");
    }
    Matcher token = UNRECOGNIZED.matcher(message);
    if (token.find()) {
      return "unrecognised word '" + token.group(1) + "'";
    }
    if (message.startsWith("Invalid UTF-8") || message.contains("Invalid UTF-8")) {
      return "the body is not valid UTF-8";
    }
    if (message.startsWith("Illegal unquoted character")) {
      return "a control character inside a string must be escaped";
    }
    if (message.contains("Numeric value") || message.contains("number")) {
      return "a number is malformed or out of range";
    }
    return "not valid JSON";
  }

  private static String location(JsonProcessingException e) {
    if (e.getLocation() == null || e.getLocation().getLineNr() < 1) {
      return "";
    }
    return " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }
}
