package dev.lectern.bootstrap.http;

import static dev.lectern.adapters.llm.openai.FakeUpstream.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletion;
import dev.lectern.adapters.llm.openai.FakeUpstream;
import dev.lectern.bootstrap.LlmConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model that fails after its answer began, read by the stream helpers of OpenAI's Java and Node
 * SDKs: RAGFlow's streams end as RAGFlow ends them (the error as a piece of the answer, then the
 * last chunk with {@code finish_reason:"stop"}), so the helpers gather the answer with its error;
 * Timeweb's {@code /v1} ends with OpenAI's error event, which the helpers raise.
 */
class OpenAiSdkStreamFailuresTest {
  @TempDir static Path dir;
  static FakeUpstream upstream;
  static RunningLectern lectern;
  static Map<String, String> bases;

  @BeforeAll
  static void start() throws Exception {
    upstream =
        new FakeUpstream()
            .answering(
                events(
                    0,
                    "data: {\"choices\":[{\"delta\":{\"content\":\"Refunds take\"}}]}",
                    "data: {\"error\":{\"message\":\"model crashed\"}}"));
    lectern =
        RunningLectern.start(
            dir,
            config -> config.llm(LlmConfig.at(upstream.base().toString(), "fake-model", "key")));
    // The agent's LLM is the default model, the failing one.
    String agent = RagflowAgentsHttpTest.dsl("rag.json").replace("\"llm_id\": \"extractive\",", "");
    bases = OpenAiSdkStreamHelpersTest.streams(lectern, agent);
  }

  @AfterAll
  static void stop() {
    lectern.close();
    upstream.close();
  }

  @Test
  void theJavaSdkGathersRagflowsFailedAnswersAndRaisesTimewebsError() {
    for (String ragflow : new String[] {"chats_openai", "openai", "agents_openai"}) {
      OpenAIClient client = OpenAiSdkStreamHelpersTest.client(bases.get(ragflow));
      try {
        ChatCompletion completion = OpenAiSdkStreamHelpersTest.accumulated(client, false);
        ChatCompletion.Choice choice = completion.choices().getFirst();
        assertThat(choice.message().content())
            .as(ragflow)
            .hasValueSatisfying(
                text -> assertThat(text).startsWith("Refunds take").contains("**ERROR**: "));
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
      } finally {
        client.close();
      }
    }
    OpenAIClient timeweb = OpenAiSdkStreamHelpersTest.client(bases.get("timeweb"));
    try {
      assertThatThrownBy(() -> OpenAiSdkStreamHelpersTest.accumulated(timeweb, false))
          .hasMessageContaining("the language model's answer stopped with an error: model crashed");
    } finally {
      timeweb.close();
    }
  }

  @Test
  void theNodeSdkGathersRagflowsFailedAnswersAndRaisesTimewebsError() throws Exception {
    for (JsonNode line : OpenAiSdkStreamHelpersTest.gatheredByNode(bases)) {
      String name = line.get("name").asText();
      if (name.equals("timeweb")) {
        assertThat(line.path("error").asText())
            .contains("the language model's answer stopped with an error: model crashed");
      } else {
        assertThat(line.has("error")).as(line.toString()).isFalse();
        assertThat(line.get("content").asText()).as(name).contains("Refunds take", "**ERROR**: ");
        assertThat(line.get("finish_reason").asText()).as(name).isEqualTo("stop");
      }
    }
  }
}
