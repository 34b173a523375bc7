package dev.lectern.adapters.http.zylon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.LazySse;
import dev.lectern.adapters.http.common.SseAnswer;
import dev.lectern.adapters.http.common.SseWriter;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.application.port.in.answer.ComposeReplyCommand;
import dev.lectern.application.port.in.answer.ComposeReplyUseCase;
import dev.lectern.application.port.in.retrieval.Retrieval.RetrievedChunk;
import dev.lectern.domain.conversation.ToolCall;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A reply as Anthropic's named events. The stream opens only once the search (if any) is done, so
 * that its errors are still plain responses; a failure after that is an {@code error} event.
 */
final class ZylonMessageStream extends SseAnswer {
  /** How long a stream may stay quiet before a {@code ping} event. */
  static final Duration PING_AFTER = Duration.ofSeconds(15);

  private final ZylonMessagesRequest request;
  private final String id;
  private boolean begun;
  private ZylonCitations citations;
  private int index;

  ZylonMessageStream(Context ctx, ZylonMessagesRequest request, String id, Duration pingAfter) {
    super(new LazySse(ctx, SseWriter.Framing.NAMED));
    this.request = request;
    this.id = id;
    sse.pingWhenIdle(pingAfter, "ping", Json.object().put("type", "ping"));
  }

  /** Streams the reply to {@code command}; the pings stop with it. */
  void run(ComposeReplyUseCase replies, ComposeReplyCommand command) {
    try {
      replies.compose(command, this);
    } finally {
      sse.close();
    }
  }

  @Override
  public void onComplete(Answer answer) {
    begin(List.of());
    finishText();
    for (ToolCall call : answer.toolCalls()) {
      toolUse(ZylonReplyBlocks.clientUse(call));
    }
    ObjectNode delta = Json.object().put("type", "message_delta");
    delta
        .putObject("delta")
        .put("stop_reason", ZylonReplyBlocks.stopReason(answer.finishReason()))
        .putNull("stop_sequence");
    delta.set("usage", ZylonReplyBlocks.usage(answer));
    sse.event("message_delta", delta);
    sse.event("message_stop", Json.object().put("type", "message_stop"));
  }

  /** An {@code error} event, typed as the plain error would be. */
  @Override
  protected void failInStream(LecternException error) {
    sse.event("error", ZylonErrorRenderer.streamed(error));
  }

  @Override
  public void onSources(List<RetrievedChunk> sources) {
    begin(sources);
  }

  /** The message and its search blocks, once; then the text block is open for deltas. */
  private void begin(List<RetrievedChunk> sources) {
    if (begun) {
      return;
    }
    begun = true;
    citations = request.citations() ? new ZylonCitations(sources) : null;
    ObjectNode started = Json.object().put("type", "message_start");
    ObjectNode message = ZylonReplyBlocks.start(id);
    message.putObject("usage");
    started.set("message", message);
    sse.event("message_start", started);
    if (request.searchTool() != null) {
      String toolId = ZylonReplyBlocks.toolUseId();
      toolUse(ZylonReplyBlocks.searchUse(toolId, request, true));
      ObjectNode result = ZylonReplyBlocks.searchResult(toolId, sources, request.zylonMode());
      sse.event("content_block_start", block("content_block_start").set("content_block", result));
      sse.event("content_block_stop", block("content_block_stop"));
      index++;
    }
    ObjectNode text =
        Json.object().put("type", "text").put("start_timestamp", now()).put("text", "");
    sse.event("content_block_start", block("content_block_start").set("content_block", text));
  }

  /** A tool use as Anthropic streams one: opened with an empty input, the input as JSON, closed. */
  private void toolUse(ObjectNode use) {
    ObjectNode opened = use.deepCopy();
    opened.putObject("input");
    sse.event("content_block_start", block("content_block_start").set("content_block", opened));
    ObjectNode json = block("content_block_delta");
    json.putObject("delta")
        .put("type", "input_json_delta")
        .put("partial_json", use.get("input").toString());
    sse.event("content_block_delta", json);
    sse.event("content_block_stop", block("content_block_stop"));
    index++;
  }

  @Override
  public void onDelta(String text) {
    begin(List.of());
    textDelta(citations == null ? text : citations.rewrite(text));
  }

  private void textDelta(String text) {
    if (text.isEmpty()) {
      return;
    }
    ObjectNode delta = block("content_block_delta");
    delta.putObject("delta").put("type", "text_delta").put("text", text);
    sse.event("content_block_delta", delta);
  }

  /** What the citations held back, each passage cited, then the end of the text block. */
  private void finishText() {
    if (citations != null) {
      textDelta(citations.flush());
      for (var citation : citations.citationsArray()) {
        ObjectNode delta = block("content_block_delta");
        delta.putObject("delta").put("type", "citations_delta").set("citation", citation);
        sse.event("content_block_delta", delta);
      }
    }
    sse.event("content_block_stop", block("content_block_stop").put("stop_timestamp", now()));
    index++;
  }

  private ObjectNode block(String type) {
    return Json.object()
        .put("type", type)
        .put("index", index)
        .put("block_id", "block_" + id.substring(4) + "_" + index);
  }

  private static String now() {
    return Instant.now().toString();
  }
}
