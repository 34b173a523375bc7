package dev.lectern.adapters.http.common;

import com.fasterxml.jackson.databind.JsonNode;

/** The text of a chat message's {@code content}, as OpenAI-like APIs send it. */
public final class MessageContent {
  private MessageContent() {}

  /**
   * A string as it is, or the {@code text} parts of a list of content parts joined; null for
   * anything else.
   */
  public static String text(JsonNode content) {
    if (content == null) {
      return null;
    }
    if (content.isTextual()) {
      return content.asText();
    }
    if (!content.isArray()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      if (part.isObject()
          && "text".equals(part.path("type").asText())
          && part.path("text").isTextual()) {
        text.append(part.get("text").asText());
      }
    }
    return text.toString();
  }
}
