package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RagflowChatsHttpTest.assertFails;
import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RAGFlow's OpenAI-compatible chat endpoint (reference §3.9, §5 item 40), with raw requests and
 * with OpenAI's official Java SDK, unchanged, reading {@code reference} back.
 */
class RagflowOpenAiHttpTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static RunningLectern lectern;
  static String chat;
  static String path;
  static OpenAIClient client;

  @BeforeAll
  static void start() {
    lectern = RunningLectern.start(dir);
    lectern.ingestText(
        "handbook",
        "policies",
        "Our office opens at nine. Refunds take five working days once approved.",
        "policies.txt");
    chat = lectern.ragflowChat("Desk", "handbook");
    path = "/api/v1/chats_openai/" + chat + "/chat/completions";
    client =
        OpenAIOkHttpClient.builder()
            .baseUrl("http://127.0.0.1:" + lectern.wiring().port() + "/api/v1/chats_openai/" + chat)
            .apiKey(ADMIN)
            .maxRetries(0)
            .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    lectern.close();
  }

  static String ask(String extra) {
    return "{\"model\":\"model\",\"messages\":[{\"role\":\"system\",\"content\":\"Ignored.\"},"
        + "{\"role\":\"user\",\"content\":\"How long do refunds take?\"}]"
        + extra
        + "}";
  }

  static List<JsonNode> frames(String stream) throws Exception {
    List<JsonNode> frames = new ArrayList<>();
    String[] events = stream.split("\n\n");
    assertThat(events[events.length - 1]).isEqualTo("data:[DONE]");
    for (int i = 0; i < events.length - 1; i++) {
      assertThat(events[i]).startsWith("data:").doesNotStartWith("data: ");
      frames.add(JSON.readTree(events[i].substring(5)));
    }
    return frames;
  }

  @Test
  void aPlainRequestStreamsChunksThenTheUsageThenDone() throws Exception {
    Reply reply = lectern.post(path, ADMIN, ask(",\"extra_body\":{\"reference\":true}"));

    List<JsonNode> frames = frames(reply.body());
    JsonNode first = frames.getFirst();
    assertThat(first.get("id").asText()).isEqualTo("chatcmpl-" + chat);
    assertThat(first.get("object").asText()).isEqualTo("chat.completion.chunk");
    assertThat(first.get("model").asText()).isEqualTo("model");
    assertThat(first.get("usage").isNull()).isTrue();
    JsonNode delta = first.get("choices").get(0).get("delta");
    assertThat(delta.get("role").asText()).isEqualTo("assistant");
    assertThat(delta.has("reasoning_content")).isTrue();
    StringBuilder answer = new StringBuilder();
    for (JsonNode frame : frames.subList(0, frames.size() - 2)) {
      assertThat(frame.get("choices").get(0).get("finish_reason").isNull()).isTrue();
      answer.append(frame.get("choices").get(0).get("delta").get("content").asText());
    }
    assertThat(answer.toString()).contains("Refunds take five working days", "[ID:0]");
    // The choice ends in a chunk of its own, before RAGFlow's last chunk repeats it with the usage.
    JsonNode finish = frames.get(frames.size() - 2);
    assertThat(finish.get("usage").isNull()).isTrue();
    assertThat(finish.get("choices").get(0).get("finish_reason").asText()).isEqualTo("stop");
    assertThat(finish.get("choices").get(0).get("delta").get("content").isNull()).isTrue();
    JsonNode last = frames.getLast();
    JsonNode lastChoice = last.get("choices").get(0);
    assertThat(lastChoice.get("finish_reason").asText()).isEqualTo("stop");
    assertThat(lastChoice.get("delta").get("content").isNull()).isTrue();
    assertThat(lastChoice.get("delta").get("final_content").asText()).isEqualTo(answer.toString());
    assertThat(lastChoice.get("delta").get("reference").get(0).get("document_name").asText())
        .isEqualTo("policies.txt");
    JsonNode usage = last.get("usage");
    assertThat(usage.get("total_tokens").asInt())
        .isEqualTo(usage.get("prompt_tokens").asInt() + usage.get("completion_tokens").asInt());
    // Stateless: no session was stored.
    assertThat(lectern.get("/api/v1/chats/" + chat + "/sessions", ADMIN).json().get("data"))
        .isEmpty();
  }

  @Test
  void aWholeAnswerHasTheCompletionShapeAndFlattenedExtraBodyWorks() {
    Reply reply = lectern.post(path, ADMIN, ask(",\"stream\":false,\"reference\":true"));

    JsonNode body = reply.json();
    assertThat(body.get("object").asText()).isEqualTo("chat.completion");
    assertThat(body.get("model").asText()).isEqualTo("model");
    JsonNode choice = body.get("choices").get(0);
    assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
    assertThat(choice.get("message").get("content").asText()).contains("five working days");
    assertThat(choice.get("message").get("reference").get(0).get("dataset_id").asText())
        .isEqualTo("handbook");
    assertThat(body.get("usage").get("completion_tokens_details").has("reasoning_tokens")).isTrue();
    Reply plain = lectern.post(path, ADMIN, ask(",\"stream\":false"));
    assertThat(plain.json().get("choices").get(0).get("message").has("reference")).isFalse();
    Reply alias =
        lectern.post(
            "/api/v1/openai/" + chat + "/chat/completions", ADMIN, ask(",\"stream\":false"));
    assertThat(alias.json().get("object").asText()).isEqualTo("chat.completion");
  }

  @Test
  void requestsAreCheckedInRagflowsOrder() {
    Reply missing = lectern.post(path, null, "{\"messages\":[]}");
    assertThat(missing.json().get("code").asInt()).isEqualTo(101);
    assertThat(missing.json().get("message").asText())
        .isEqualTo("required argument are missing: model; ");
    assertThat(missing.json().has("data")).isTrue();
    // Item 40.
    assertFails(
        lectern.post(path, ADMIN, "{\"model\":\"m\",\"messages\":[]}"),
        102,
        "You have to provide messages.");
    assertFails(
        lectern.post(
            path,
            ADMIN,
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"assistant\",\"content\":\"hello\"}]}"),
        102,
        "The last content of this conversation is not from user.");
    assertFails(
        lectern.post(path, ADMIN, ask(",\"extra_body\":\"x\"")),
        102,
        "extra_body must be an object.");
    assertFails(
        lectern.post(path, ADMIN, ask(",\"extra_body\":{\"reference_metadata\":[]}")),
        102,
        "reference_metadata must be an object.");
    assertFails(
        lectern.post(
            path, ADMIN, ask(",\"extra_body\":{\"reference_metadata\":{\"fields\":\"a\"}}")),
        102,
        "reference_metadata.fields must be an array.");
    assertFails(
        lectern.post("/api/v1/chats_openai/nope/chat/completions", ADMIN, ask("")),
        102,
        "You don't own the chat nope");
    assertFails(
        lectern.post(path, ADMIN, ask(",\"metadata_condition\":\"x\"")),
        102,
        "metadata_condition must be an object.");
  }

  @Test
  void theOfficialSdkGetsAWholeAnswerWithItsReference() {
    ChatCompletion completion =
        client
            .chat()
            .completions()
            .create(
                ChatCompletionCreateParams.builder()
                    .model("model")
                    .addUserMessage("How long do refunds take?")
                    .putAdditionalBodyProperty(
                        "extra_body", JsonValue.from(Map.of("reference", true)))
                    .build());

    var message = completion.choices().getFirst().message();
    assertThat(message.content()).hasValueSatisfying(text -> assertThat(text).contains("five"));
    JsonValue reference = message._additionalProperties().get("reference");
    assertThat(reference.toString()).contains("policies.txt");
    assertThat(completion.usage()).isPresent();
  }

  @Test
  void theOfficialSdkStreamsAndReadsTheReferenceFromTheLastChunk() {
    StringBuilder answer = new StringBuilder();
    List<String> references = new ArrayList<>();
    try (StreamResponse<ChatCompletionChunk> stream =
        client
            .chat()
            .completions()
            .createStreaming(
                ChatCompletionCreateParams.builder()
                    .model("model")
                    .addUserMessage("When does the office open?")
                    .putAdditionalBodyProperty("reference", JsonValue.from(true))
                    .build())) {
      stream.stream()
          .forEach(
              chunk -> {
                var delta = chunk.choices().getFirst().delta();
                delta.content().ifPresent(answer::append);
                JsonValue reference = delta._additionalProperties().get("reference");
                if (reference != null) {
                  references.add(reference.toString());
                }
              });
    }

    assertThat(answer.toString()).contains("Our office opens at nine.");
    assertThat(references).singleElement().asString().contains("policies.txt");
  }
}
