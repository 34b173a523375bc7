package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every OpenAI-shaped stream Lectern serves — RAGFlow's {@code chats_openai}, {@code openai} and
 * {@code agents_openai}, and Timeweb's {@code /v1} — gathered whole, with and without {@code
 * stream_options.include_usage}, by the stream helpers of OpenAI's official SDKs: the Java SDK's
 * {@link ChatCompletionAccumulator} (which refuses a stream whose choice never finishes, or whose
 * usage comes with the choices, or without {@code created}) and the Node SDK's {@code
 * chat.completions.stream(...).finalChatCompletion()} (which refuses one without a finish reason or
 * a role).
 */
class OpenAiSdkStreamHelpersTest {
  @TempDir static Path dir;
  static RunningLectern lectern;
  static Map<String, OpenAIClient> clients;
  static Map<String, String> bases;

  @BeforeAll
  static void start() {
    lectern = RunningLectern.start(dir);
    bases = streams(lectern, RagflowAgentsHttpTest.dsl("rag.json"));
    clients = new TreeMap<>();
    bases.forEach((name, base) -> clients.put(name, client(base)));
  }

  /**
   * A document and, over it, a RAGFlow chat, an agent of {@code agentDsl} and an assistant: the
   * base URL of each OpenAI-shaped endpoint, by name.
   */
  static Map<String, String> streams(RunningLectern lectern, String agentDsl) {
    lectern.ingestText(
        "handbook",
        "policies",
        "Our office opens at nine. Refunds take five working days once approved.",
        "policies.txt");
    String chat = lectern.ragflowChat("Desk", "handbook");
    String agent = RagflowAgentsHttpTest.create(lectern, "Policies", agentDsl);
    String assistant =
        lectern
            .post(
                "/lectern/v1/assistants",
                ADMIN,
                "{\"name\":\"Timeweb desk\",\"collections\":[\"handbook\"]}")
            .json()
            .get("id")
            .asText();
    String root = "http://127.0.0.1:" + lectern.wiring().port();
    Map<String, String> bases = new TreeMap<>();
    bases.put("chats_openai", root + "/api/v1/chats_openai/" + chat);
    bases.put("openai", root + "/api/v1/openai/" + chat);
    bases.put("agents_openai", root + "/api/v1/agents_openai/" + agent);
    bases.put("timeweb", root + "/api/v1/cloud-ai/agents/" + assistant + "/v1");
    return bases;
  }

  static OpenAIClient client(String base) {
    return OpenAIOkHttpClient.builder().baseUrl(base).apiKey(ADMIN).maxRetries(0).build();
  }

  /** The Node SDK's stream helper over each of {@code bases}, with and without usage asked. */
  static List<JsonNode> gatheredByNode(Map<String, String> bases) throws Exception {
    List<String> args = new ArrayList<>(List.of(ADMIN, "How long do refunds take?"));
    bases.forEach((name, base) -> args.add(name + "=" + base));
    List<JsonNode> gathered = OpenAiNodeSdk.run("stream-helper.mjs", args);
    assertThat(gathered).hasSize(2 * bases.size());
    return gathered;
  }

  @AfterAll
  static void stop() {
    clients.values().forEach(OpenAIClient::close);
    lectern.close();
  }

  /** Each stream, and whether it carries the usage unasked (RAGFlow's chat streams always do). */
  static Stream<Arguments> streams() {
    return Stream.of(
        Arguments.of("chats_openai", true),
        Arguments.of("openai", true),
        Arguments.of("agents_openai", false),
        Arguments.of("timeweb", false));
  }

  private static ChatCompletion accumulated(String path, boolean includeUsage) {
    return accumulated(clients.get(path), includeUsage);
  }

  /**
   * The Java SDK's stream helper over one stream; the pieces it read are the answer it gathered.
   */
  static ChatCompletion accumulated(OpenAIClient client, boolean includeUsage) {
    ChatCompletionCreateParams.Builder params =
        ChatCompletionCreateParams.builder()
            .model("model")
            .addUserMessage("How long do refunds take?");
    if (includeUsage) {
      params.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
    }
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    StringBuilder pieces = new StringBuilder();
    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(params.build())) {
      stream.stream()
          .peek(accumulator::accumulate)
          .forEach(
              chunk -> chunk.choices().forEach(c -> c.delta().content().ifPresent(pieces::append)));
    }
    ChatCompletion completion = accumulator.chatCompletion();
    assertThat(completion.choices()).singleElement();
    assertThat(completion.choices().getFirst().message().content()).contains(pieces.toString());
    return completion;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streams")
  void theStreamHelperBuildsTheWholeAnswerWithItsFinishReason(String path, boolean usage) {
    ChatCompletion completion = accumulated(path, false);

    ChatCompletion.Choice choice = completion.choices().getFirst();
    assertThat(choice.message().content())
        .hasValueSatisfying(text -> assertThat(text).contains("five working days"));
    assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    assertThat(completion.usage().isPresent()).isEqualTo(usage);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streams")
  void aStreamThatAsksForItsUsageGetsIt(String path, boolean unasked) {
    ChatCompletion completion = accumulated(path, true);

    assertThat(completion.choices().getFirst().finishReason())
        .isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    assertThat(completion.usage())
        .hasValueSatisfying(
            usage -> {
              assertThat(usage.promptTokens()).isPositive();
              assertThat(usage.completionTokens()).isPositive();
              assertThat(usage.totalTokens())
                  .isEqualTo(usage.promptTokens() + usage.completionTokens());
            });
  }

  @Test
  void theNodeSdksStreamHelperGathersEveryStream() throws Exception {
    for (JsonNode line : gatheredByNode(bases)) {
      String name = line.get("name").asText();
      boolean asked = line.get("include_usage").asBoolean();
      assertThat(line.has("error")).as(line.toString()).isFalse();
      assertThat(line.get("content").asText()).as(name).contains("five working days");
      assertThat(line.get("role").asText()).as(name).isEqualTo("assistant");
      assertThat(line.get("finish_reason").asText()).as(name).isEqualTo("stop");
      boolean usage = asked || name.endsWith("openai") && !name.startsWith("agents");
      assertThat(line.get("usage").isNull()).as(name + " usage").isEqualTo(!usage);
      if (usage) {
        assertThat(line.at("/usage/total_tokens").asInt()).as(name).isPositive();
      }
    }
  }
}
