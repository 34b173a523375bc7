package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.lectern.adapters.llm.openai.FakeUpstream;
import dev.lectern.bootstrap.LlmConfig;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenAI's official Java SDK reading answers Lectern cut for length from a model that ignores
 * {@code max_tokens}: RAGFlow's and Timeweb's OpenAI-compatible paths end them, whole and streamed,
 * with {@code finish_reason:"length"}.
 */
class AnswerCapOpenAiSdkTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static FakeUpstream upstream;
  static RunningLectern lectern;
  static OpenAIClient ragflow;
  static OpenAIClient timeweb;

  /** Streams "more " a million times, whatever it was asked. */
  static FakeUpstream.Answer endless() {
    return exchange -> {
      OutputStream out = exchange.getResponseBody();
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      ObjectNode chunk = JSON.createObjectNode();
      chunk.putArray("choices").addObject().putObject("delta").put("content", "more ");
      byte[] line = ("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 1_000_000; i++) {
        out.write(line);
      }
    };
  }

  @BeforeAll
  static void start() throws Exception {
    upstream = new FakeUpstream();
    upstream.answering(endless());
    lectern =
        RunningLectern.start(
            dir, config -> config.llm(LlmConfig.at(upstream.base().toString(), "fake", null)));
    String chat =
        lectern
            .post("/api/v1/chats", ADMIN, "{\"name\":\"talker\",\"prompt\":{\"variables\":[]}}")
            .json()
            .at("/data/id")
            .asText();
    String agent =
        lectern
            .post(
                "/lectern/v1/assistants",
                ADMIN,
                "{\"name\":\"Agent talker\",\"knowledge_required\":false}")
            .json()
            .get("id")
            .asText();
    String base = "http://127.0.0.1:" + lectern.wiring().port();
    ragflow = client(base + "/api/v1/chats_openai/" + chat);
    timeweb = client(base + "/api/v1/cloud-ai/agents/" + agent + "/v1");
  }

  static OpenAIClient client(String baseUrl) {
    return OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey(ADMIN).maxRetries(0).build();
  }

  @AfterAll
  static void stop() {
    ragflow.close();
    timeweb.close();
    lectern.close();
    upstream.close();
  }

  static ChatCompletionCreateParams talk() {
    return ChatCompletionCreateParams.builder()
        .model("any")
        .maxCompletionTokens(20)
        .addUserMessage("Talk")
        .build();
  }

  /** A streamed answer's text and the finish reason its chunks gave. */
  record Streamed(String text, ChatCompletionChunk.Choice.FinishReason finish) {}

  static Streamed streamed(OpenAIClient client) {
    StringBuilder text = new StringBuilder();
    ChatCompletionChunk.Choice.FinishReason[] finish = {null};
    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(talk())) {
      stream.stream()
          .flatMap(chunk -> chunk.choices().stream())
          .forEach(
              choice -> {
                choice.delta().content().ifPresent(text::append);
                choice.finishReason().ifPresent(reason -> finish[0] = reason);
              });
    }
    return new Streamed(text.toString(), finish[0]);
  }

  @Test
  void anAnswerCutForLengthEndsWithLengthWholeAndStreamed() {
    for (OpenAIClient client : new OpenAIClient[] {ragflow, timeweb}) {
      ChatCompletion whole = client.chat().completions().create(talk());
      Streamed streamed = streamed(client);

      ChatCompletion.Choice choice = whole.choices().getFirst();
      assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.LENGTH);
      assertThat(choice.message().content().orElseThrow()).startsWith("more more");
      assertThat(streamed.finish()).isEqualTo(ChatCompletionChunk.Choice.FinishReason.LENGTH);
      // RAGFlow's chat keeps its own max_tokens (512), Timeweb takes the request's (20).
      assertThat(streamed.text()).startsWith("more more").hasSizeLessThanOrEqualTo(512 * 10 + 256);
    }
  }
}
