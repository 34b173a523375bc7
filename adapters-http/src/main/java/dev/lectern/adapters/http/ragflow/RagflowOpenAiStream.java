package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.LazySse;
import dev.lectern.adapters.http.common.OpenAiUsage;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.conversation.Reference;
import java.util.List;
import java.util.function.Function;

/**
 * An answer as RAGFlow's OpenAI-compatible endpoint streams it: a chunk per piece of text, a chunk
 * with no content and the {@code finish_reason} ({@code "stop"}, or {@code "length"} for an answer
 * cut at its length), then RAGFlow's last chunk: the finish again with the usage, and, when asked
 * for, the reference and the whole answer as {@code final_content}. OpenAI's SDKs take a chunk with
 * usage for the one after the choices (OpenAI's Java SDK ignores its choices), so the choice has
 * ended before it.
 */
final class RagflowOpenAiStream extends RagflowCitedAnswer {
  private final Assistant chat;
  private final Function<List<Reference>, ArrayNode> reference;
  private final long created = System.currentTimeMillis() / 1000;

  /** {@code reference} writes the answer's reference; null when none was asked for. */
  RagflowOpenAiStream(LazySse sse, Assistant chat, Function<List<Reference>, ArrayNode> reference) {
    super(sse, chat.showQuote());
    this.chat = chat;
    this.reference = reference;
  }

  @Override
  void piece(String text) {
    sse.event(chunk(text, null));
  }

  @Override
  void end(Answer answer, String text) {
    String finish = OpenAiUsage.finishReason(answer.finishReason());
    // The choice ends in a chunk of its own, which OpenAI's SDKs need before the usage; RAGFlow's
    // last chunk then repeats the finish with the usage.
    sse.event(chunk(null, finish));
    sse.event(last(finish, OpenAiUsage.of(answer), answer.references()));
  }

  /**
   * A failure after the stream began: its text as a piece of the answer, then the last chunk, as
   * RAGFlow sends them (with no usage: the answer's was never counted).
   */
  @Override
  void failed(LecternException error) {
    sse.event(chunk(RagflowErrorRenderer.inAnswer(error), null));
    sse.event(last("stop", null, List.of()));
  }

  private ObjectNode last(String finish, ObjectNode usage, List<Reference> references) {
    ObjectNode last = chunk(null, finish);
    if (usage != null) {
      last.set("usage", usage);
    }
    if (reference != null) {
      ObjectNode delta = (ObjectNode) last.get("choices").get(0).get("delta");
      delta.set("reference", reference.apply(references));
      delta.put("final_content", written());
    }
    return last;
  }

  private ObjectNode chunk(String content, String finishReason) {
    ObjectNode node = Json.object();
    node.put("id", "chatcmpl-" + chat.id());
    node.put("object", "chat.completion.chunk");
    node.put("created", created);
    node.put("model", "model");
    node.put("system_fingerprint", "");
    node.putNull("usage");
    ObjectNode choice = node.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode delta = choice.putObject("delta");
    delta.put("content", content);
    delta.put("role", "assistant");
    delta.putNull("function_call");
    delta.putNull("tool_calls");
    delta.putNull("reasoning_content");
    choice.put("finish_reason", finishReason);
    choice.putNull("logprobs");
    return node;
  }
}
