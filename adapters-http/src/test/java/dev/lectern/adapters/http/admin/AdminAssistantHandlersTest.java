package dev.lectern.adapters.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.adapters.http.testing.HandlerHarness;
import dev.lectern.adapters.http.testing.HandlerHarness.Response;
import dev.lectern.domain.assistant.Access;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.assistant.AssistantStatus;
import dev.lectern.domain.assistant.ModelChoice;
import dev.lectern.domain.assistant.RetrievalChoice;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.token.TokenScope;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin API's assistant JSON is read into the stored assistant field by field, and back. */
class AdminAssistantHandlersTest {
  static final String ASSISTANTS = "/lectern/v1/assistants";

  final HandlerHarness harness = new HandlerHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  Assistant stored() {
    return harness.lectern.assistantStore.list(harness.lectern.defaultOrgId()).getFirst();
  }

  @Test
  void everyFieldOfTheBodyLandsOnTheStoredAssistant() {
    harness.lectern.ingestText("handbook", "refunds", "refunds.txt", "Refunds take five days.");

    Response created =
        harness.post(
            ASSISTANTS,
            """
            {"name":"Desk","description":"Front desk","system_prompt":"Answer from {knowledge}",
             "opener":"Hello!","empty_response":"Nothing found.","knowledge_required":true,
             "collections":["handbook"],
             "model":{"name":"scripted","temperature":0.5,"top_p":0.6,"presence_penalty":0.1,
                      "frequency_penalty":0.2,"max_tokens":64},
             "retrieval":{"top_n":3,"top_k":50,"similarity_threshold":0.3,"keyword_weight":0.4},
             "history_window":5,"show_quote":false,"access":"public","status":"suspended"}
            """);

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Assistant desk = stored();
    assertThat(desk.name()).isEqualTo("Desk");
    assertThat(desk.description()).isEqualTo("Front desk");
    assertThat(desk.systemPrompt()).isEqualTo("Answer from {knowledge}");
    assertThat(desk.opener()).isEqualTo("Hello!");
    assertThat(desk.emptyResponse()).isEqualTo("Nothing found.");
    assertThat(desk.knowledgeRequired()).isTrue();
    assertThat(desk.collections()).containsExactly(new CollectionId("handbook"));
    assertThat(desk.model()).isEqualTo(new ModelChoice("scripted", 0.5, 0.6, 0.1, 0.2, 64));
    assertThat(desk.retrieval()).isEqualTo(new RetrievalChoice(3, 50, 0.3, 0.4));
    assertThat(desk.historyWindow()).isEqualTo(5);
    assertThat(desk.showQuote()).isFalse();
    assertThat(desk.access()).isEqualTo(Access.PUBLIC);
    assertThat(desk.status()).isEqualTo(AssistantStatus.SUSPENDED);
    assertThat(created.json().get("id").asText()).isEqualTo(desk.id());
  }

  @Test
  void aPatchChangesOnlyWhatItNamesAndANullModelNameGoesBackToTheDefault() {
    String id =
        harness
            .post(
                ASSISTANTS,
                "{\"name\":\"Desk\",\"model\":{\"name\":\"scripted\",\"max_tokens\":64}}")
            .json()
            .get("id")
            .asText();

    Response changed =
        harness.send(
            "PATCH", ASSISTANTS + "/" + id, "{\"opener\":\"Hi.\",\"model\":{\"name\":null}}");

    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    Assistant desk = stored();
    assertThat(desk.opener()).isEqualTo("Hi.");
    assertThat(desk.model().model()).isNull();
    assertThat(desk.model().maxTokens()).isEqualTo(64);
    assertThat(desk.name()).isEqualTo("Desk");
  }

  @Test
  void aRefusedBodyStoresNothing() {
    for (String body :
        List.of(
            "{\"name\":\"A\",\"retrieval\":{\"top_n\":0}}",
            "{\"name\":\"A\",\"history_window\":\"five\"}",
            "{\"name\":\"A\",\"status\":\"paused\"}",
            "{\"name\":\"A\",\"model\":{\"name\":\"gpt-9\"}}",
            "{\"name\":\"A\",\"collections\":\"handbook\"}")) {
      Response reply = harness.post(ASSISTANTS, body);
      assertThat(reply.status()).as(body).isIn(404, 422);
      assertThat(reply.json().get("error").get("message").asText()).as(body).isNotBlank();
    }
    assertThat(harness.lectern.assistantStore.list(harness.lectern.defaultOrgId())).isEmpty();
  }

  @Test
  void aKeyIsAnAssistantScopedTokenWhoseSecretIsStoredOnlyAsAHash() {
    String id = harness.post(ASSISTANTS, "{\"name\":\"Desk\"}").json().get("id").asText();

    Response issued = harness.post(ASSISTANTS + "/" + id + "/keys", "{\"name\":\"site\"}");

    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    String secret = issued.json().get("key").asText();
    var token = harness.lectern.tokens.listForAssistant(harness.lectern.defaultOrgId(), id);
    assertThat(token)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.scope()).isEqualTo(TokenScope.ASSISTANT);
              assertThat(t.assistantId()).isEqualTo(id);
            });
    assertThat(harness.lectern.tokens.findByHash(secret)).isEmpty();
    assertThat(harness.send("GET", ASSISTANTS + "/" + id + "/keys", null).body())
        .contains("\"site\"")
        .doesNotContain(secret);
  }
}
