package dev.lectern.adapters.http.zylon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.adapters.http.testing.HandlerHarness;
import dev.lectern.adapters.http.testing.HandlerHarness.Response;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.conversation.ModelSettings;
import dev.lectern.domain.conversation.ToolChoice;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the Messages handlers pass to the answer pipeline, and how they render what comes back. */
class ZylonMessagesHandlersTest {
  static final String MESSAGES = "/api/gpt/v1/messages";

  final HandlerHarness harness = new HandlerHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void samplingParametersStopSequencesAndTheSystemPromptReachTheModel() {
    harness.lectern.model.answering("Five days.");

    Response reply =
        harness.post(
            MESSAGES,
            """
            {"system":[{"type":"text","text":"Be brief."},{"type":"text","text":"Be kind."}],
             "temperature":0.2,"top_p":0.9,"max_tokens":50,"stop_sequences":["END"],
             "messages":[{"role":"user","content":"How long?"},
                         {"role":"assistant","content":"Let me see."},
                         {"role":"user","content":[{"type":"text","text":"Refunds?"}]}]}
            """);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    ModelRequest asked = harness.lectern.model.requests.getFirst();
    assertThat(asked.system()).isEqualTo("Be brief.\n\nBe kind.");
    assertThat(asked.settings())
        .isEqualTo(new ModelSettings(0.2, 0.9, 50, List.of("END"), null, null));
    assertThat(asked.messages())
        .extracting(m -> m.role() + ":" + m.text())
        .containsExactly("USER:How long?", "ASSISTANT:Let me see.", "USER:Refunds?");
    assertThat(asked.tools()).isEmpty();
    JsonNode json = reply.json();
    assertThat(json.get("content").get(0).get("text").asText()).isEqualTo("Five days.");
    assertThat(json.get("stop_reason").asText()).isEqualTo("end_turn");
    assertThat(json.get("usage").get("output_tokens").asInt()).isEqualTo(2);
  }

  @Test
  void aClientToolIsOfferedToTheModelWithTheChoiceTheClientMade() {
    Response reply =
        harness.post(
            MESSAGES,
            """
            {"tools":[{"name":"get_weather","description":"Weather by city",
                       "input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}],
             "tool_choice":{"type":"any"},
             "messages":[{"role":"user","content":"Weather in Oslo?"}]}
            """);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    ModelRequest asked = harness.lectern.model.requests.getFirst();
    assertThat(asked.tools())
        .singleElement()
        .satisfies(t -> assertThat(t.name()).isEqualTo("get_weather"));
    assertThat(asked.toolChoice()).isEqualTo(new ToolChoice(ToolChoice.Mode.ANY, null));
  }

  @Test
  void theSearchToolPutsTheCollectionsPassagesInThePromptAndTheSourcesInTheReply() {
    harness.lectern.ingestText("zoo", "zebra", "zebra.txt", "The zebra code is 4471.");
    harness.lectern.ingestText("zoo", "lion", "lion.txt", "The lion code is 9120.");
    harness.lectern.model.answering("It is 4471.");

    Response reply =
        harness.post(
            MESSAGES,
            """
            {"tools":[{"name":"semantic_search","type":"semantic_search_v1"}],
             "tool_choice":{"type":"tool","name":"semantic_search"},
             "tool_context":[{"type":"ingested_artifact",
                              "context_filter":{"collection":"zoo","artifacts":["zebra"]}}],
             "messages":[{"role":"user","content":"What is the zebra code?"}]}
            """);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    ModelRequest asked = harness.lectern.model.requests.getFirst();
    assertThat(asked.system()).contains("The zebra code is 4471.").doesNotContain("lion");
    // The search ran on the server: the model is not offered the search tool itself.
    assertThat(asked.tools()).isEmpty();
    JsonNode content = reply.json().get("content");
    assertThat(content)
        .extracting(b -> b.get("type").asText())
        .containsExactly("tool_use", "tool_result", "text");
    assertThat(content.get(2).get("text").asText()).isEqualTo("It is 4471.");
  }

  /** A streamed answer to "Count.", which has begun: 200 and an event stream. */
  Response countingStream() {
    Response reply =
        harness.post(
            MESSAGES,
            "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Count.\"}]}");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("text/event-stream");
    return reply;
  }

  @Test
  void aModelThatFailsMidStreamEndsTheStreamWithAnErrorEvent() {
    harness.lectern.model.answering("one two three four").failingAfter(2);

    Response reply = countingStream();
    String stream = reply.body();
    assertThat(stream)
        .contains("event: message_start", "\"text\":\"one \"", "\"text\":\"two \"")
        .doesNotContain("three", "message_stop");
    assertThat(stream.strip())
        .endsWith(
            "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\","
                + "\"message\":\"the language model failed (HTTP 500)\"}}");
  }

  @Test
  void anUnexpectedFailureMidStreamIsAnErrorEventNotJsonWrittenOntoTheStream() {
    harness.lectern.model.answering("one two three four").breakingAfter(1);

    Response reply = countingStream();
    String last = reply.body().strip();
    last = last.substring(last.lastIndexOf("event: "));
    // A server fault: its details stay in the log, the client gets the error id.
    assertThat(last)
        .startsWith("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\"")
        .contains("(error id ")
        .doesNotContain("a bug in the model adapter");
  }

  @Test
  void aStreamThatCannotBeAnsweredFailsWithAPlainErrorBeforeItBegins() {
    Response unknownModel =
        harness.post(
            MESSAGES,
            "{\"stream\":true,\"model\":\"gpt-9\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    harness.lectern.model.withContext(12);
    Response tooLong =
        harness.post(
            MESSAGES,
            "{\"stream\":true,\"system\":\"one two three four five six seven eight nine ten\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"and more words\"}]}");

    assertThat(unknownModel.status()).isEqualTo(422);
    assertThat(unknownModel.json().get("error").get("message").asText())
        .isEqualTo("model: no model named 'gpt-9' is configured; use one of scripted");
    assertThat(tooLong.status()).isEqualTo(413);
    assertThat(tooLong.contentType()).startsWith("application/json");
    assertThat(harness.lectern.model.requests).isEmpty();
  }

  @Test
  void zylonsAndAnthropicsModelNamesAreTheDefaultModel() {
    for (String name : new String[] {"default", "claude-sonnet-4-5"}) {
      Response reply =
          harness.post(
              MESSAGES,
              "{\"model\":\"" + name + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }
    // No name: the catalog's default answers.
    assertThat(harness.lectern.model.requests)
        .extracting(ModelRequest::model)
        .containsExactly(null, null);
  }

  @Test
  void aConfiguredModelIsPickedByItsNameEvenAVendorsOne() {
    harness.lectern.model.named("claude-local");
    String hi = ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    Response configured = harness.post(MESSAGES, "{\"model\":\"claude-local\"" + hi);
    Response vendors = harness.post(MESSAGES, "{\"model\":\"claude-sonnet-4-5\"" + hi);
    Response unknown = harness.post(MESSAGES + "/count_tokens", "{\"model\":\"gpt-9\"" + hi);
    Response invalid = harness.post(MESSAGES + "/validate", "{\"model\":\"gpt-9\"" + hi);

    assertThat(configured.status()).isEqualTo(200);
    assertThat(vendors.status()).isEqualTo(200);
    assertThat(harness.lectern.model.requests)
        .extracting(ModelRequest::model)
        .containsExactly("claude-local", null);
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("errors").get(0).asText())
        .isEqualTo("model: no model named 'gpt-9' is configured; use one of claude-local");
  }

  @Test
  void aRefusedRequestNeverReachesTheModel() {
    for (String body :
        List.of(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":\"hot\"}",
            "{\"messages\":[]}",
            "{\"messages\":[{\"role\":\"robot\",\"content\":\"hi\"}]}",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[{\"name\":\"x\",\"type\":\"web_search_v9\"}]}",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}",
            "[1,2]")) {
      Response reply = harness.post(MESSAGES, body);
      assertThat(reply.status()).as(body).isBetween(400, 422);
      assertThat(reply.json().has("detail") || reply.json().has("error")).as(reply.body()).isTrue();
    }
    assertThat(harness.lectern.model.requests).isEmpty();
  }

  @Test
  void countTokensIsWhatTheModelCountsForThePrompt() {
    Response reply =
        harness.post(
            MESSAGES + "/count_tokens",
            "{\"system\":\"one two\",\"messages\":[{\"role\":\"user\",\"content\":\"three four five\"}]}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    // The scripted model counts a token per word.
    assertThat(reply.json().get("input_tokens").asInt()).isEqualTo(5);
    assertThat(harness.lectern.model.requests).isEmpty();
  }

  @Test
  void theModelListNamesWhatTheCatalogHolds() {
    Response reply = harness.send("GET", "/api/gpt/v1/models", null);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.body()).contains("\"scripted\"");
  }
}
