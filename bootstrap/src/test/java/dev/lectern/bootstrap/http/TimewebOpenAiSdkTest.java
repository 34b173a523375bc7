package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.models.Model;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenAI's official Java SDK, unchanged, with base URL {@code …/api/v1/cloud-ai/agents/{id}/v1}:
 * whole and streamed answers and the model list, with the built-in model over a document.
 */
class TimewebOpenAiSdkTest {
  @TempDir static Path dir;
  static RunningLectern lectern;
  static OpenAIClient client;

  @BeforeAll
  static void start() {
    lectern = RunningLectern.start(dir);
    lectern.ingestText(
        "handbook", "policies", "Refunds take five working days once approved.", "policies.txt");
    String agent =
        lectern
            .post(
                "/lectern/v1/assistants",
                ADMIN,
                "{\"name\":\"Desk\",\"collections\":[\"handbook\"]}")
            .json()
            .get("id")
            .asText();
    String key =
        lectern
            .post("/lectern/v1/assistants/" + agent + "/keys", ADMIN, "{\"name\":\"sdk\"}")
            .json()
            .get("key")
            .asText();
    client =
        OpenAIOkHttpClient.builder()
            .baseUrl(
                "http://127.0.0.1:"
                    + lectern.wiring().port()
                    + "/api/v1/cloud-ai/agents/"
                    + agent
                    + "/v1")
            .apiKey(key)
            .maxRetries(0)
            .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    lectern.close();
  }

  static ChatCompletionCreateParams question() {
    return ChatCompletionCreateParams.builder()
        .model("any")
        .addUserMessage("How long do refunds take?")
        .build();
  }

  @Test
  void aWholeAnswer() {
    ChatCompletion completion = client.chat().completions().create(question());

    assertThat(completion.choices().getFirst().message().content())
        .hasValueSatisfying(text -> assertThat(text).contains("five working days"));
    assertThat(completion.usage()).isPresent();
  }

  @Test
  void aStreamedAnswer() {
    StringBuilder answer = new StringBuilder();
    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(question())) {
      stream.stream()
          .forEach(
              chunk -> chunk.choices().forEach(c -> c.delta().content().ifPresent(answer::append)));
    }
    assertThat(answer.toString()).contains("five working days");
  }

  @Test
  void theModelList() {
    List<Model> models = client.models().list().data();
    assertThat(models).hasSize(1);
  }
}
