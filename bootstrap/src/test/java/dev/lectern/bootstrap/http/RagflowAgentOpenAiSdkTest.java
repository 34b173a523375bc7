package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenAI's official Java SDK, unchanged, against RAGFlow's {@code agents_openai}: a retrieval
 * agent's answer, whole and streamed, with the reference of the document it cites.
 */
class RagflowAgentOpenAiSdkTest {
  @TempDir static Path dir;
  static RunningLectern lectern;
  static OpenAIClient client;

  @BeforeAll
  static void start() {
    lectern = RunningLectern.start(dir);
    lectern.ingestText(
        "handbook",
        "policies",
        "Our office opens at nine. Refunds take five working days once approved.",
        "policies.txt");
    String agent =
        RagflowAgentsHttpTest.create(lectern, "Policies", RagflowAgentsHttpTest.dsl("rag.json"));
    client =
        OpenAIOkHttpClient.builder()
            .baseUrl(
                "http://127.0.0.1:" + lectern.wiring().port() + "/api/v1/agents_openai/" + agent)
            .apiKey(ADMIN)
            .maxRetries(0)
            .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    lectern.close();
  }

  static ChatCompletionCreateParams question(String text) {
    return ChatCompletionCreateParams.builder().model("model").addUserMessage(text).build();
  }

  @Test
  void aWholeAnswerCarriesItsReference() {
    ChatCompletion completion =
        client.chat().completions().create(question("How long do refunds take?"));

    var message = completion.choices().getFirst().message();
    assertThat(message.content())
        .hasValueSatisfying(text -> assertThat(text).contains("five working days"));
    assertThat(message._additionalProperties().get("reference").toString())
        .contains("policies.txt");
    assertThat(completion.id()).hasSize(32);
  }

  @Test
  void aStreamedAnswerEndsWithTheReferenceAndContinuesItsSession() {
    StringBuilder answer = new StringBuilder();
    List<String> references = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try (StreamResponse<ChatCompletionChunk> stream =
        client
            .chat()
            .completions()
            .createStreaming(
                question("How long do refunds take?").toBuilder()
                    .putAdditionalBodyProperty("stream", JsonValue.from(true))
                    .build())) {
      stream.stream()
          .forEach(
              chunk -> {
                ids.add(chunk.id());
                var delta = chunk.choices().getFirst().delta();
                delta.content().ifPresent(answer::append);
                JsonValue reference = delta._additionalProperties().get("reference");
                if (reference != null) {
                  references.add(reference.toString());
                }
              });
    }

    assertThat(answer.toString()).contains("five working days");
    assertThat(references).singleElement().asString().contains("policies.txt");
    assertThat(ids).hasSizeGreaterThan(1).allMatch(ids.getFirst()::equals);
  }
}
