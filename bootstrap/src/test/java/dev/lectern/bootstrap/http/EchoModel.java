package dev.lectern.bootstrap.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.llm.openai.FakeUpstream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A loopback model that answers "echo: " and the last message it was sent, streamed word by word
 * when asked to stream, with the usage of 9 prompt and 2 completion tokens.
 */
final class EchoModel {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EchoModel() {}

  static FakeUpstream.Answer over(FakeUpstream upstream) {
    return exchange -> {
      JsonNode sent = JSON.readTree(upstream.bodies.getLast());
      JsonNode messages = sent.get("messages");
      String text = "echo: " + messages.get(messages.size() - 1).get("content").asText();
      OutputStream out = exchange.getResponseBody();
      if (sent.path("stream").asBoolean()) {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        for (String word : text.split("(?<= )")) {
          ObjectNode chunk = JSON.createObjectNode();
          chunk.putArray("choices").addObject().putObject("delta").put("content", word);
          out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
        out.write(
            ("data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}}"
                    + "\n\ndata: [DONE]\n\n")
                .getBytes(StandardCharsets.UTF_8));
      } else {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode choice = body.putArray("choices").addObject();
        choice.putObject("message").put("role", "assistant").put("content", text);
        choice.put("finish_reason", "stop");
        body.putObject("usage").put("prompt_tokens", 9).put("completion_tokens", 2);
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        out.write(bytes);
      }
    };
  }
}
