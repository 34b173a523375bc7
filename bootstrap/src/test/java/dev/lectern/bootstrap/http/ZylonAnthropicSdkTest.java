package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.BASE;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.textIngest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.UnprocessableEntityException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.models.ModelInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Anthropic's official Java SDK, unchanged, as a client of Zylon's Messages API: base URL {@code
 * …/api/gpt}, the token as its auth token, {@code x-org} as a default header.
 */
class ZylonAnthropicSdkTest {
  @TempDir static Path dir;
  static RunningLectern lectern;
  static AnthropicClient client;

  @BeforeAll
  static void start() {
    lectern = RunningLectern.start(dir);
    assertThat(
            lectern
                .post(
                    BASE + "ingest",
                    ADMIN,
                    textIngest(
                        "zoo",
                        "zebra",
                        "The zoo opened in 1931. Zebra code is 4471.",
                        "{\"file_name\":\"n.txt\"}"))
                .status())
        .isEqualTo(200);
    client =
        AnthropicOkHttpClient.builder()
            .baseUrl("http://127.0.0.1:" + lectern.wiring().port() + "/api/gpt")
            .authToken(ADMIN)
            .putHeader("x-org", "default")
            .maxRetries(0)
            .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    lectern.close();
  }

  static MessageCreateParams.Builder question(String text) {
    return MessageCreateParams.builder().model("default").maxTokens(256).addUserMessage(text);
  }

  /** The search tool and its context, which the SDK sends as extra body fields. */
  static MessageCreateParams.Builder search(MessageCreateParams.Builder params) {
    return params
        .putAdditionalBodyProperty(
            "tools",
            JsonValue.from(
                List.of(Map.of("name", "semantic_search", "type", "semantic_search_v1"))))
        .putAdditionalBodyProperty(
            "tool_context",
            JsonValue.from(
                List.of(
                    Map.of(
                        "type",
                        "ingested_artifact",
                        "context_filter",
                        Map.of("collection", "zoo", "artifacts", List.of("zebra"))))));
  }

  static String text(Message message) {
    return message.content().stream()
        .filter(ContentBlock::isText)
        .map(block -> block.asText().text())
        .collect(Collectors.joining());
  }

  @Test
  void aMessageIsCreated() {
    Message message = client.messages().create(question("hi").build());

    assertThat(message.id()).matches("msg_[0-9a-f]{32}");
    assertThat(message.model().asString()).isEqualTo("private-gpt");
    assertThat(text(message)).isNotEmpty();
    assertThat(message.stopReason()).contains(StopReason.END_TURN);
    assertThat(message.usage().inputTokens()).isPositive();
  }

  @Test
  void theSearchToolAnswersThroughTheSdk() {
    Message message = client.messages().create(search(question("What is the zebra code?")).build());

    assertThat(text(message)).isEqualTo("Zebra code is 4471. [1]");
    assertThat(message.content()).anyMatch(ContentBlock::isToolUse);
  }

  @Test
  void theStreamingHelperAccumulatesTheMessage() {
    MessageAccumulator accumulator = MessageAccumulator.create();
    StringBuilder deltas = new StringBuilder();
    try (StreamResponse<RawMessageStreamEvent> stream =
        client.messages().createStreaming(search(question("What is the zebra code?")).build())) {
      stream.stream()
          .peek(accumulator::accumulate)
          .flatMap(event -> event.contentBlockDelta().stream())
          .flatMap(delta -> delta.delta().text().stream())
          .forEach(delta -> deltas.append(delta.text()));
    }

    Message message = accumulator.message();
    assertThat(deltas.toString()).isEqualTo("Zebra code is 4471. [1]");
    assertThat(text(message)).isEqualTo("Zebra code is 4471. [1]");
    assertThat(message.stopReason()).contains(StopReason.END_TURN);
  }

  @Test
  void tokensAreCountedAndModelsListed() {
    long tokens =
        client
            .messages()
            .countTokens(
                MessageCountTokensParams.builder()
                    .model("default")
                    .addUserMessage("What is the zebra code?")
                    .build())
            .inputTokens();
    assertThat(tokens).isBetween(5L, 20L);

    List<ModelInfo> models = client.models().list().data();
    assertThat(models).extracting(ModelInfo::id).contains("extractive");
  }

  @Test
  void aRefusalIsTheSdksOwnError() {
    assertThatThrownBy(
            () ->
                client
                    .messages()
                    .create(
                        question("hi")
                            .putAdditionalBodyProperty("temperature", JsonValue.from(1.5))
                            .build()))
        .isInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("temperature");
  }
}
