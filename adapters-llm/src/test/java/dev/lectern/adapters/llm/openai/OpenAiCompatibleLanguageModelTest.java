package dev.lectern.adapters.llm.openai;

import static dev.lectern.adapters.llm.openai.FakeUpstream.events;
import static dev.lectern.adapters.llm.openai.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.error.UpstreamFailure;
import dev.lectern.application.port.out.ModelDeltas;
import dev.lectern.application.port.out.ModelReply;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.conversation.FinishReason;
import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.ModelSettings;
import dev.lectern.domain.conversation.ModelTool;
import dev.lectern.domain.conversation.ToolCall;
import dev.lectern.domain.conversation.ToolChoice;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleLanguageModelTest {
  static final String ANSWER =
      """
      {"id":"chatcmpl-1","object":"chat.completion","model":"m","choices":[{"index":0,
       "message":{"role":"assistant","content":"Refunds take five days."},"finish_reason":"stop"}],
       "usage":{"prompt_tokens":21,"completion_tokens":6,"total_tokens":27}}""";

  FakeUpstream upstream;

  @BeforeEach
  void start() throws Exception {
    upstream = new FakeUpstream();
  }

  @AfterEach
  void stop() {
    upstream.close();
  }

  OpenAiCompatibleLanguageModel model(Duration firstToken) {
    return new OpenAiCompatibleLanguageModel(
        new OpenAiSettings(
            URI.create(upstream.base() + "/v1/"),
            "llama3",
            "sk-test",
            Duration.ofSeconds(2),
            firstToken,
            Duration.ofSeconds(20),
            3,
            Duration.ofMillis(20),
            OpenAiSettings.DEFAULT_MAX_ANSWER_CHARS));
  }

  OpenAiCompatibleLanguageModel model() {
    return model(Duration.ofSeconds(10));
  }

  static ModelRequest question(String text) {
    return new ModelRequest(
        null,
        "Answer from the documents.",
        List.of(ModelMessage.user("Hello"), ModelMessage.assistant("Hi."), ModelMessage.user(text)),
        new ModelSettings(0.2, 0.9, 64, List.of("\n\n"), 0.1, 0.3),
        List.of(),
        null);
  }

  /** The request with no limit on its answer's tokens. */
  static ModelRequest unlimited(ModelRequest request) {
    return withMaxTokens(request, null);
  }

  /** Deltas collected; cancelled once {@code cancelAfter} of them arrived (never when negative). */
  static final class Collected implements ModelDeltas {
    final List<String> pieces = new ArrayList<>();
    final int cancelAfter;

    Collected(int cancelAfter) {
      this.cancelAfter = cancelAfter;
    }

    @Override
    public void text(String delta) {
      pieces.add(delta);
    }

    @Override
    public boolean cancelled() {
      return cancelAfter >= 0 && pieces.size() >= cancelAfter;
    }
  }

  @Test
  void aWholeAnswerWithTheRequestWrittenAsOpenAiReadsIt() throws Exception {
    upstream.answering(json(200, ANSWER));

    ModelReply reply = model().complete(question("How long do refunds take?"));

    assertThat(reply.text()).isEqualTo("Refunds take five days.");
    assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(reply.usage()).isEqualTo(new ModelReply.TokenUsage(21, 6));
    assertThat(upstream.paths).containsExactly("/v1/chat/completions");
    assertThat(upstream.authorizations).containsExactly("Bearer sk-test");
    JsonNode sent = ChatCompletionsJson.MAPPER.readTree(upstream.bodies.get(0));
    assertThat(sent.toString())
        .isEqualTo(
            "{\"model\":\"llama3\",\"messages\":[{\"role\":\"system\",\"content\":\"Answer from the"
                + " documents.\"},{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"assistant\","
                + "\"content\":\"Hi.\"},{\"role\":\"user\",\"content\":\"How long do refunds take?\"}],"
                + "\"temperature\":0.2,\"top_p\":0.9,\"max_tokens\":64,\"stop\":[\"\\n\\n\"],"
                + "\"presence_penalty\":0.1,\"frequency_penalty\":0.3,\"stream\":false}");
  }

  @Test
  void aStreamGoesOutPieceByPieceWhateverTheServersSpacingAndExtras() {
    upstream.answering(
        events(
            0,
            ": keep-alive",
            "event: message",
            "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}",
            "",
            "data:{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Refunds \"}}]}",
            "",
            "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"take five\"}}]}\r",
            "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\" days.\"},\"finish_reason\":\"length\"}]}",
            "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":4}}",
            "data: [DONE]"));
    Collected deltas = new Collected(-1);

    ModelReply reply = model().stream(question("How long?"), deltas);

    assertThat(deltas.pieces.get(0)).isEqualTo("Refunds ");
    assertThat(String.join("", deltas.pieces)).isEqualTo("Refunds take five days.");
    assertThat(reply.text()).isEqualTo("Refunds take five days.");
    assertThat(reply.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(reply.usage()).isEqualTo(new ModelReply.TokenUsage(30, 4));
    assertThat(upstream.bodies.get(0))
        .contains("\"stream\":true", "\"stream_options\":{\"include_usage\":true}");
  }

  /** An upstream that streams far more than it was asked for, and never stops by itself. */
  static FakeUpstream.Answer endless(String piece) {
    return exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      byte[] line =
          ("data: {\"choices\":[{\"delta\":{\"content\":\"" + piece + "\"}}]}\n\n")
              .getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 10_000_000; i++) {
        out.write(line);
      }
    };
  }

  @Test
  void anAnswerPastItsMaxTokensIsCutForLengthAndTheUpstreamClosed() throws Exception {
    upstream.answering(endless("word "));
    Collected deltas = new Collected(-1);

    ModelReply reply = model().stream(question("Go on forever"), deltas);

    assertThat(reply.finishReason()).isEqualTo(FinishReason.LENGTH);
    // max_tokens is 64: reading stops past what 64 tokens could be, far before the upstream's end.
    assertThat(reply.text()).hasSize(64 * AnswerCap.CHARS_PER_TOKEN + 256);
    assertThat(String.join("", deltas.pieces)).isEqualTo(reply.text());
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!upstream.clientGone && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(upstream.clientGone).as("the upstream connection was closed").isTrue();
  }

  @Test
  void anHonestAnswerThatEndsAtItsMaxTokensIsKeptWholeInAnyLanguage() {
    // Hindi counts more than three cl100k tokens for each token of newer tokenizers.
    String piece = "रिफंड स्वीकृति के बाद पांच कार्य दिवसों में पूरा होता है। ";
    String[] lines = new String[61];
    for (int i = 0; i < 60; i++) {
      lines[i] = "data: {\"choices\":[{\"delta\":{\"content\":\"" + piece + "\"}}]}";
    }
    lines[60] = "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"length\"}]}";
    upstream.answering(events(0, lines));
    ModelRequest request = question("Go on");
    // About 12 tokens a piece for a tokenizer of today: 720 in all.
    ModelRequest limited = withMaxTokens(request, 720);

    ModelReply reply = model().stream(limited, new Collected(-1));

    assertThat(reply.text()).isEqualTo(piece.repeat(60));
    assertThat(reply.finishReason()).isEqualTo(FinishReason.LENGTH);
  }

  static ModelRequest withMaxTokens(ModelRequest request, Integer maxTokens) {
    ModelSettings s = request.settings();
    return new ModelRequest(
        request.model(),
        request.prompt(),
        request.messages(),
        new ModelSettings(
            s.temperature(),
            s.topP(),
            maxTokens,
            s.stop(),
            s.presencePenalty(),
            s.frequencyPenalty()),
        request.tools(),
        request.toolChoice(),
        request.passages());
  }

  @Test
  void anAnswerWithoutMaxTokensStopsAtTheLongestAnswerKept() {
    upstream.answering(endless("\u0416\u0416\u0416 "));
    OpenAiCompatibleLanguageModel capped =
        new OpenAiCompatibleLanguageModel(
            OpenAiSettings.of(upstream.base(), "m", null).withMaxAnswerChars(1000));
    Collected deltas = new Collected(-1);

    ModelReply reply = capped.stream(unlimited(question("Go on")), deltas);

    assertThat(reply.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(reply.text()).hasSize(1000).startsWith("ЖЖЖ ЖЖЖ");
    assertThat(String.join("", deltas.pieces)).isEqualTo(reply.text());
  }

  @Test
  void aWholeAnswerLongerThanKeptIsCutForLength() {
    String text = "x".repeat(5000);
    upstream.answering(
        json(
            200,
            "{\"choices\":[{\"message\":{\"content\":\""
                + text
                + "\"},\"finish_reason\":\"stop\"}]}"));
    OpenAiCompatibleLanguageModel capped =
        new OpenAiCompatibleLanguageModel(
            OpenAiSettings.of(upstream.base(), "m", null).withMaxAnswerChars(1000));

    ModelReply reply = capped.complete(unlimited(question("Go on")));

    assertThat(reply.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(reply.text()).isEqualTo("x".repeat(1000));
  }

  @Test
  void piecesThatArriveTogetherGoOnTogetherAndTheFirstAtOnce() {
    String[] burst = new String[300];
    for (int i = 0; i < burst.length; i++) {
      burst[i] = "data: {\"choices\":[{\"delta\":{\"content\":\"w" + i + " \"}}]}";
    }
    upstream.answering(events(0, burst));
    Collected together = new Collected(-1);

    ModelReply reply = model().stream(unlimited(question("Hi")), together);

    assertThat(together.pieces.get(0)).isEqualTo("w0 ");
    assertThat(together.pieces.size()).isLessThan(burst.length / 2);
    assertThat(String.join("", together.pieces)).isEqualTo(reply.text());
    assertThat(reply.text().split(" ")).hasSize(burst.length);

    upstream.answering(
        events(
            40,
            "data: {\"choices\":[{\"delta\":{\"content\":\"One \"}}]}",
            "data: {\"choices\":[{\"delta\":{\"content\":\"by \"}}]}",
            "data: {\"choices\":[{\"delta\":{\"content\":\"one.\"}}]}"));
    Collected apart = new Collected(-1);
    model().stream(question("Hi"), apart);
    assertThat(apart.pieces).containsExactly("One ", "by ", "one.");

    // Servers write each event whole, its blank line included: nothing waits for the next event.
    upstream.answering(
        events(
            40,
            "data: {\"choices\":[{\"delta\":{\"content\":\"One \"}}]}\n",
            "data: {\"choices\":[{\"delta\":{\"content\":\"by \"}}]}\n",
            "data: {\"choices\":[{\"delta\":{\"content\":\"one.\"}}]}\n"));
    Collected events = new Collected(-1);
    model().stream(question("Hi"), events);
    assertThat(events.pieces).containsExactly("One ", "by ", "one.");
  }

  @Test
  void aStreamWithoutUsageOrDoneIsCountedWithCl100k() {
    upstream.answering(
        events(0, "data: {\"choices\":[{\"delta\":{\"content\":\"Hello there\"}}]}"));

    ModelReply reply = model().stream(question("Hi"), new Collected(-1));

    assertThat(reply.text()).isEqualTo("Hello there");
    assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(reply.usage().output()).isEqualTo(2);
    assertThat(reply.usage().input()).isGreaterThan(10);
  }

  @Test
  void toolCallsArriveInPiecesAndAreSentOnTheirWay() throws Exception {
    upstream.answering(
        events(
            0,
            "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_7\",\"type\":\"function\",\"function\":{\"name\":\"get_\",\"arguments\":\"\"}}]}}]}",
            "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\"}}]}}]}",
            "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Oslo\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}",
            "data: [DONE]"));
    ModelRequest request =
        new ModelRequest(
            "other-model",
            null,
            List.of(ModelMessage.user("Weather in Oslo?")),
            null,
            List.of(
                new ModelTool(
                    "get_weather",
                    "The weather of a city",
                    Map.of(
                        "type", "object", "properties", Map.of("city", Map.of("type", "string"))))),
            ToolChoice.named("get_weather"),
            List.of());

    ModelReply reply = model().stream(request, new Collected(-1));

    assertThat(reply.toolCalls())
        .containsExactly(new ToolCall("call_7", "get_weather", "{\"city\":\"Oslo\"}"));
    assertThat(reply.finishReason()).isEqualTo(FinishReason.TOOL_USE);
    JsonNode sent = ChatCompletionsJson.MAPPER.readTree(upstream.bodies.get(0));
    assertThat(sent.get("model").asText()).isEqualTo("other-model");
    assertThat(sent.get("tools").get(0).toString())
        .isEqualTo(
            "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":\"The"
                + " weather of a city\",\"parameters\":"
                + ChatCompletionsJson.MAPPER.valueToTree(request.tools().get(0).parameters())
                + "}}");
    assertThat(sent.get("tool_choice").toString())
        .isEqualTo("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}");
  }

  @Test
  void aBusyServerIsTriedAgainAndItsRetryAfterHonoured() {
    upstream.answering(
        json(429, "{\"error\":{\"message\":\"slow down\"}}", "Retry-After", "0"),
        json(503, "overloaded"),
        json(200, ANSWER));

    ModelReply reply = model().complete(question("How long?"));

    assertThat(reply.text()).isEqualTo("Refunds take five days.");
    assertThat(upstream.requests.get()).isEqualTo(3);
  }

  @Test
  void aFailingServerIsAnUpstreamFailureAfterTheLastTryWithItsOwnWords() {
    upstream.answering(json(500, "{\"error\":{\"message\":\"CUDA out of memory\"}}"));

    assertThatThrownBy(() -> model().complete(question("How long?")))
        .isInstanceOf(UpstreamFailure.class)
        .hasMessage("the language model failed (HTTP 500): CUDA out of memory");
    assertThat(upstream.requests.get()).isEqualTo(3);
  }

  @Test
  void aRefusedRequestIsTheClientsMistakeAndNotTriedAgain() {
    upstream.answering(
        json(
            400,
            "{\"error\":{\"message\":\"This model's maximum context length is 4096 tokens\"}}"));

    assertThatThrownBy(() -> model().stream(question("How long?"), new Collected(-1)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage(
            "the language model refused the request (HTTP 400): This model's maximum context length"
                + " is 4096 tokens");
    assertThat(upstream.requests.get()).isEqualTo(1);
  }

  @Test
  void badCredentialsAreReportedWithoutTheKey() {
    upstream.answering(
        json(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-test\"}}"));

    assertThatThrownBy(() -> model().complete(question("How long?")))
        .isInstanceOf(UpstreamFailure.class)
        .hasMessage("the language model refused Lectern's credentials (HTTP 401)");
  }

  @Test
  void aServerThatDoesNotBeginInTimeIsGivenUpOn() {
    upstream.answering(FakeUpstream.slow(3000, json(200, ANSWER)));

    long start = System.nanoTime();
    assertThatThrownBy(() -> model(Duration.ofMillis(400)).complete(question("How long?")))
        .isInstanceOf(UpstreamFailure.class)
        .hasMessageContaining("did not begin its answer");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aStreamThatSendsHeadersButNoTokenInTimeIsGivenUpOn() {
    upstream.answering(events(3000, "data: {\"choices\":[{\"delta\":{\"content\":\"late\"}}]}"));

    assertThatThrownBy(
            () -> model(Duration.ofMillis(500)).stream(question("Hi"), new Collected(-1)))
        .isInstanceOf(UpstreamFailure.class)
        .hasMessageContaining("did not begin its answer");
  }

  @Test
  void aClientThatGoesAwayCancelsTheUpstreamRequest() throws Exception {
    String[] lines = new String[200];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = "data: {\"choices\":[{\"delta\":{\"content\":\"w" + i + " \"}}]}";
    }
    upstream.answering(events(20, lines));
    Collected deltas = new Collected(3);

    ModelReply reply = model().stream(question("Hi"), deltas);

    assertThat(reply.finishReason()).isEqualTo(FinishReason.CANCELLED);
    // The reply holds what the client was given, and far less than the upstream had to say.
    assertThat(reply.text()).isEqualTo(String.join("", deltas.pieces)).startsWith("w0 w1 w2 ");
    assertThat(reply.text().split(" ")).hasSizeLessThan(20);
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (!upstream.clientGone && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(upstream.clientGone).as("the upstream saw the request cancelled").isTrue();
  }

  @Test
  void aServerThatIgnoresStreamingAnswersInOnePiece() {
    upstream.answering(json(200, ANSWER));
    Collected deltas = new Collected(-1);

    ModelReply reply = model().stream(question("Hi"), deltas);

    assertThat(deltas.pieces).containsExactly(reply.text());
    assertThat(reply.text()).isNotEmpty();
    assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void aRefusedKeyOrAnUnknownModelIsNotTriedAgain() {
    for (int status : new int[] {401, 404}) {
      upstream.requests.set(0);
      upstream.answering(json(status, "{\"error\":{\"message\":\"no\"}}"));

      assertThatThrownBy(() -> model().complete(question("Hi")))
          .isInstanceOf(UpstreamFailure.class)
          .satisfies(e -> assertThat(((UpstreamFailure) e).retriable()).isFalse());
      assertThat(upstream.requests.get()).isEqualTo(1);
    }
  }

  @Test
  void anErrorInsideAStreamFailsIt() {
    upstream.answering(
        events(
            0,
            "data: {\"choices\":[{\"delta\":{\"content\":\"Half\"}}]}",
            "data: {\"error\":{\"message\":\"model crashed\"}}"));
    Collected deltas = new Collected(-1);

    assertThatThrownBy(() -> model().stream(question("Hi"), deltas))
        .isInstanceOf(UpstreamFailure.class)
        .hasMessage("the language model's answer stopped with an error: model crashed");
    assertThat(deltas.pieces).containsExactly("Half");
  }

  @Test
  void anUnreachableServerIsReportedWithoutItsAddress() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    OpenAiCompatibleLanguageModel model =
        new OpenAiCompatibleLanguageModel(
            new OpenAiSettings(
                URI.create("http://127.0.0.1:" + closed),
                "m",
                null,
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                2,
                Duration.ofMillis(10),
                OpenAiSettings.DEFAULT_MAX_ANSWER_CHARS));

    assertThatThrownBy(() -> model.complete(question("Hi")))
        .isInstanceOf(UpstreamFailure.class)
        .hasMessage("the language model server cannot be reached");
  }

  @Test
  void theEndpointIsFoundWithOrWithoutV1() {
    assertThat(OpenAiSettings.of(URI.create("http://h:11434"), "m", null).chatCompletions())
        .isEqualTo(URI.create("http://h:11434/v1/chat/completions"));
    assertThat(OpenAiSettings.of(URI.create("http://h/api/v1/"), "m", null).chatCompletions())
        .isEqualTo(URI.create("http://h/api/v1/chat/completions"));
  }
}
