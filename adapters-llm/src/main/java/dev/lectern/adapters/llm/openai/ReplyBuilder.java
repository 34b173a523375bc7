package dev.lectern.adapters.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.adapters.llm.TokenCounts;
import dev.lectern.application.port.out.ModelReply;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.conversation.FinishReason;
import dev.lectern.domain.conversation.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A reply put together from a whole answer or from stream chunks: text, tool calls (whose names and
 * arguments may come in pieces, keyed by index), finish reason and usage.
 */
final class ReplyBuilder {
  private final StringBuilder text = new StringBuilder();
  private final TreeMap<Integer, String[]> calls = new TreeMap<>();
  private FinishReason finish;
  private int inputTokens = -1;
  private int outputTokens = -1;

  /** Reads one chunk (or a whole answer) and returns the new text it holds. */
  String add(JsonNode answer) {
    JsonNode usage = answer.get("usage");
    if (usage != null && usage.isObject()) {
      inputTokens = usage.path("prompt_tokens").asInt(inputTokens);
      outputTokens = usage.path("completion_tokens").asInt(outputTokens);
    }
    JsonNode choice = answer.path("choices").path(0);
    if (choice.isMissingNode()) {
      return "";
    }
    FinishReason reason = ChatCompletionsJson.finishReason(choice.get("finish_reason"));
    if (reason != null) {
      finish = reason;
    }
    JsonNode part = choice.has("delta") ? choice.get("delta") : choice.path("message");
    for (JsonNode call : part.path("tool_calls")) {
      int index = call.path("index").asInt(calls.size());
      String[] entry = calls.computeIfAbsent(index, i -> new String[] {null, "", ""});
      if (call.path("id").isTextual()) {
        entry[0] = call.get("id").textValue();
      }
      JsonNode function = call.path("function");
      entry[1] += function.path("name").asText("");
      JsonNode arguments = function.path("arguments");
      entry[2] +=
          arguments.isTextual()
              ? arguments.textValue()
              : arguments.isMissingNode() ? "" : arguments.toString();
    }
    String delta = ChatCompletionsJson.text(part.get("content"));
    text.append(delta);
    return delta;
  }

  /** Characters held: the text and the tool calls' names and arguments. */
  int chars() {
    int total = text.length();
    for (String[] call : calls.values()) {
      total += call[1].length() + call[2].length();
    }
    return total;
  }

  /** Drops the last {@code chars} characters of the text. */
  void cut(int chars) {
    if (chars > 0) {
      text.setLength(Math.max(0, text.length() - chars));
    }
  }

  ModelReply build(ModelRequest request, FinishReason cut) {
    List<ToolCall> toolCalls = new ArrayList<>();
    for (var entry : calls.entrySet()) {
      String[] call = entry.getValue();
      String id = call[0] == null ? "call_" + entry.getKey() : call[0];
      toolCalls.add(new ToolCall(id, call[1], call[2].isEmpty() ? "{}" : call[2]));
    }
    FinishReason reason = cut != null ? cut : finish != null ? finish : FinishReason.STOP;
    if (cut == null && finish == null && !toolCalls.isEmpty()) {
      reason = FinishReason.TOOL_USE;
    }
    String written = text.toString();
    ModelReply.TokenUsage usage =
        new ModelReply.TokenUsage(
            inputTokens >= 0 ? inputTokens : TokenCounts.of(request),
            outputTokens >= 0 ? outputTokens : TokenCounts.of(written));
    return new ModelReply(written, toolCalls, reason, usage);
  }
}
