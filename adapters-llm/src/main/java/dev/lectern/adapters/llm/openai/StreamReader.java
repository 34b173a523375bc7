package dev.lectern.adapters.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.application.port.out.ModelDeltas;
import dev.lectern.application.port.out.ModelReply;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.conversation.FinishReason;
import java.io.IOException;

/**
 * Reads a streamed answer's server-sent events: {@code data:} lines with or without a space, each a
 * chunk of JSON, until {@code [DONE]} or the end of the body; comments, {@code event:} and {@code
 * id:} lines, blank lines and keep-alives are skipped, as servers differ in what they send. An
 * {@code error} object in the stream fails it.
 */
final class StreamReader {
  private static final String DONE = "[DONE]";

  /** The most text passed on as one piece, and the longest a piece waits for the next. */
  private static final int MAX_BATCH_CHARS = 512;

  private static final long MAX_BATCH_NANOS = 10_000_000;

  private final OpenAiCompatibleLanguageModel.Exchange exchange;
  private final ModelRequest request;
  private final ModelDeltas deltas;
  private final long start;
  private final AnswerCap cap;

  StreamReader(
      OpenAiCompatibleLanguageModel.Exchange exchange,
      ModelRequest request,
      ModelDeltas deltas,
      long start,
      AnswerCap cap) {
    this.exchange = exchange;
    this.request = request;
    this.deltas = deltas;
    this.start = start;
    this.cap = cap;
  }

  ModelReply read() {
    ReplyBuilder reply = new ReplyBuilder();
    Pending pending = new Pending();
    boolean begun = false;
    while (true) {
      String line = exchange.next(start, deltas, begun);
      if (line == null || deltas.cancelled()) {
        return reply.build(request, FinishReason.CANCELLED);
      }
      if (line == UpstreamConnection.END) {
        pending.send();
        return reply.build(request, null);
      }
      String data = data(line);
      if (data == null || data.isEmpty()) {
        // A blank line ends an event: what is held goes on unless more is already there.
        pending.sendUnlessMoreIsReady();
        continue;
      }
      if (data.equals(DONE)) {
        pending.send();
        return reply.build(request, null);
      }
      JsonNode chunk = parse(data);
      if (chunk.has("error")) {
        pending.send();
        throw UpstreamErrors.broken("stopped with an error" + said(chunk.get("error")));
      }
      begun = true;
      pending.add(cap.admit(reply, reply.add(chunk)));
      if (cap.reached()) {
        // The rest is not read: returning closes the connection, which stops the server.
        pending.send();
        return reply.build(request, FinishReason.LENGTH);
      }
      pending.sendUnlessMoreIsReady();
    }
  }

  /** Text read but not yet passed on. */
  private final class Pending {
    private final StringBuilder text = new StringBuilder();
    private boolean sentAny;
    private long since;

    void add(String piece) {
      if (text.isEmpty()) {
        since = System.nanoTime();
      }
      text.append(piece);
    }

    boolean full() {
      return !sentAny
          || text.length() >= MAX_BATCH_CHARS
          || System.nanoTime() - since >= MAX_BATCH_NANOS;
    }

    /**
     * Pieces that arrived together go on together, one event for the client instead of many; the
     * first goes at once, and none waits long or for pieces that have not arrived.
     */
    void sendUnlessMoreIsReady() {
      if (!exchange.ready() || full()) {
        send();
      }
    }

    void send() {
      if (!text.isEmpty()) {
        deltas.text(text.toString());
        text.setLength(0);
        sentAny = true;
      }
    }
  }

  /** The payload of a {@code data:} line; null for any other line. */
  private static String data(String line) {
    if (!line.startsWith("data:")) {
      return null;
    }
    return line.substring(5).strip();
  }

  private static JsonNode parse(String data) {
    try {
      return ChatCompletionsJson.MAPPER.readTree(data);
    } catch (IOException e) {
      throw UpstreamErrors.broken("held a chunk that is not JSON");
    }
  }

  private static String said(JsonNode error) {
    return UpstreamErrors.quoted(
        error.isTextual() ? error.textValue() : error.path("message").asText(""));
  }
}
