package dev.lectern.adapters.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.error.UpstreamFailure;

/**
 * Policy: what a failure of the model's server tells the client. Messages say what happened in
 * plain words and never name the server's address or key; the server's own words are in the log.
 */
final class UpstreamErrors {
  private static final int MAX_QUOTED = 300;

  private UpstreamErrors() {}

  static LecternException forStatus(int status, String body) {
    String said = said(body);
    return switch (status) {
      case 400, 413, 422 ->
          new InvalidRequest(
              "the language model refused the request (HTTP " + status + ")" + said, "messages");
      case 401, 403 ->
          new UpstreamFailure(
              "the language model refused Lectern's credentials (HTTP " + status + ")", false);
      case 404 ->
          new UpstreamFailure(
              "the language model server has no such model or no chat completions endpoint (HTTP"
                  + " 404)"
                  + said,
              false);
      case 429 -> new UpstreamFailure("the language model is busy (HTTP 429); try again later");
      default ->
          // Only a busy or failing server may answer differently when asked again.
          new UpstreamFailure(
              "the language model failed (HTTP " + status + ")" + said, status >= 500);
    };
  }

  static UpstreamFailure unreachable() {
    return new UpstreamFailure("the language model server cannot be reached");
  }

  static UpstreamFailure firstTokenTimeout(long seconds) {
    return new UpstreamFailure(
        "the language model did not begin its answer within " + seconds + " s");
  }

  static UpstreamFailure totalTimeout(long seconds) {
    return new UpstreamFailure(
        "the language model did not finish its answer within " + seconds + " s");
  }

  static UpstreamFailure broken(String what) {
    return new UpstreamFailure("the language model's answer " + what);
  }

  /** The server's own message (OpenAI's {@code error.message} or a short plain body), quoted. */
  private static String said(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String message = body.strip();
    try {
      JsonNode json = ChatCompletionsJson.MAPPER.readTree(body);
      JsonNode error = json.path("error");
      if (error.isTextual()) {
        message = error.textValue();
      } else if (error.path("message").isTextual()) {
        message = error.path("message").textValue();
      } else if (json.path("message").isTextual()) {
        message = json.path("message").textValue();
      }
    } catch (java.io.IOException notJson) {
      // A plain-text body is quoted as it is.
    }
    return quoted(message);
  }

  /** A server's message on one line, shortened, after a colon; nothing when it is empty. */
  static String quoted(String message) {
    String line = message.replaceAll("\\s+", " ").strip();
    if (line.length() > MAX_QUOTED) {
      line = line.substring(0, MAX_QUOTED) + "…";
    }
    return line.isEmpty() ? "" : ": " + line;
  }
}
