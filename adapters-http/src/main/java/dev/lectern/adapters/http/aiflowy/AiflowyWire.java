package dev.lectern.adapters.http.aiflowy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.port.in.answer.Answer;

/**
 * AIFlowy's bodies, in its key order: a whole answer {@code status, usage, created, choices} with
 * {@code choices} an object, and a stream's chunk {@code status, created, choices}.
 */
final class AiflowyWire {
  private AiflowyWire() {}

  static ObjectNode whole(Answer answer) {
    ObjectNode node = Json.object();
    node.put("status", "END");
    ObjectNode usage = node.putObject("usage");
    usage.put("completionTokens", answer.outputTokens());
    usage.put("promptTokens", answer.inputTokens());
    usage.put("totalTokens", answer.inputTokens() + answer.outputTokens());
    node.put("created", System.currentTimeMillis());
    ObjectNode choices = node.putObject("choices");
    choices.put("index", 0);
    ObjectNode message = choices.putObject("message");
    message.put("content", answer.text());
    message.put("role", "assistant");
    return node;
  }

  /** A stream's chunk: {@code START} first, {@code MIDDLE} between, {@code END} last. */
  static ObjectNode chunk(String status, String content) {
    ObjectNode node = Json.object();
    node.put("status", status);
    node.put("created", System.currentTimeMillis());
    ObjectNode choices = node.putObject("choices");
    ObjectNode delta = choices.putObject("delta");
    delta.put("content", content);
    delta.put("role", "assistant");
    choices.put("index", 0);
    return node;
  }
}
