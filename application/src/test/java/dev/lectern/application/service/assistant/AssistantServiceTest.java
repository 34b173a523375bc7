package dev.lectern.application.service.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.application.contract.Fixtures;
import dev.lectern.application.error.Conflict;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.fakes.InMemoryAssistantStore;
import dev.lectern.application.fakes.InMemoryCollectionStore;
import dev.lectern.application.fakes.InMemoryTokenStore;
import dev.lectern.application.fakes.ScriptedLanguageModel;
import dev.lectern.application.port.in.access.CreatedToken;
import dev.lectern.application.port.in.assistant.AssistantDraft;
import dev.lectern.application.port.out.AssistantStore;
import dev.lectern.domain.assistant.Access;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.assistant.AssistantStatus;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.token.ApiToken;
import dev.lectern.domain.token.TokenScope;
import dev.lectern.domain.token.TokenSecret;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssistantServiceTest {
  final InMemoryAssistantStore assistants = new InMemoryAssistantStore();
  final InMemoryCollectionStore collections = new InMemoryCollectionStore();
  final InMemoryTokenStore tokens = new InMemoryTokenStore();
  final AssistantService service =
      new AssistantService(
          assistants, collections, new ScriptedLanguageModel(), tokens, Clock.systemUTC());

  @BeforeEach
  void collections() {
    collections.findOrCreate(Fixtures.collection("org1", "docs"));
  }

  static AssistantDraft draft(String name) {
    return AssistantDraft.named(name);
  }

  @Test
  void aNewAssistantHasTheDefaultsAndWhatTheDraftSets() {
    Assistant created =
        service.create(
            "org1",
            AssistantDraft.EMPTY
                .withName("  Support ")
                .withOpener("Hello!")
                .withCollections(List.of(new CollectionId("docs")))
                .withModel("scripted")
                .withTemperature(0.5)
                .withMaxTokens(256)
                .withTopN(3)
                .withSimilarityThreshold(0.1)
                .withHistoryWindow(4)
                .withAccess(Access.PUBLIC));

    assertThat(created.name()).isEqualTo("Support");
    assertThat(created.opener()).isEqualTo("Hello!");
    assertThat(created.systemPrompt()).isEqualTo(Assistant.DEFAULT_SYSTEM_PROMPT);
    assertThat(created.model().model()).isEqualTo("scripted");
    assertThat(created.model().temperature()).isEqualTo(0.5);
    assertThat(created.model().topP()).isEqualTo(0.3);
    assertThat(created.model().maxTokens()).isEqualTo(256);
    assertThat(created.retrieval().topN()).isEqualTo(3);
    assertThat(created.retrieval().similarityThreshold()).isEqualTo(0.1);
    assertThat(created.historyWindow()).isEqualTo(4);
    assertThat(created.access()).isEqualTo(Access.PUBLIC);
    assertThat(created.status()).isEqualTo(AssistantStatus.ACTIVE);
    assertThat(service.find("org1", created.id())).isEqualTo(created);
  }

  @Test
  void badDraftsAreRefusedNamingTheFieldAndNothingIsStored() {
    assertThatThrownBy(() -> service.create("org1", draft("  ")))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageStartingWith("name:");
    assertThatThrownBy(
            () ->
                service.create(
                    "org1", draft("A").withCollections(List.of(new CollectionId("nowhere")))))
        .isInstanceOf(NotFound.class)
        .hasMessageContaining("nowhere");
    assertThatThrownBy(
            () ->
                service.create(
                    "org1",
                    AssistantDraft.EMPTY
                        .withName("A")
                        .withSystemPrompt("No passages here.")
                        .withKnowledgeRequired(true)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageStartingWith("system_prompt:");
    assertThatThrownBy(
            () ->
                service.create(
                    "org1", AssistantDraft.named("A").withModel("gpt-9").withTemperature(3.0)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageStartingWith("temperature:");
    assertThatThrownBy(() -> service.create("org1", AssistantDraft.named("A").withModel("gpt-9")))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("no model named 'gpt-9'")
        .hasMessageContaining("scripted");
    assertThat(service.list("org1")).isEmpty();
  }

  @Test
  void namesAreUniqueOnCreateAndUpdate() {
    service.create("org1", draft("Support"));
    Assistant sales = service.create("org1", draft("Sales"));

    assertThatThrownBy(() -> service.create("org1", draft("support"))).isInstanceOf(Conflict.class);
    assertThatThrownBy(() -> service.update("org1", sales.id(), draft("SUPPORT")))
        .isInstanceOf(Conflict.class);
    assertThat(service.create("org2", draft("Support")).name()).isEqualTo("Support");
    assertThat(service.update("org1", sales.id(), draft("Sales desk")).name())
        .isEqualTo("Sales desk");
  }

  @Test
  void anUpdateKeepsWhatItDoesNotSet() {
    Assistant created = service.create("org1", draft("Support"));

    Assistant changed =
        service.update(
            "org1", created.id(), AssistantDraft.EMPTY.withStatus(AssistantStatus.SUSPENDED));

    assertThat(changed.name()).isEqualTo("Support");
    assertThat(changed.status()).isEqualTo(AssistantStatus.SUSPENDED);
    assertThat(changed.createdAt()).isEqualTo(created.createdAt());
    assertThatThrownBy(() -> service.update("org2", created.id(), draft("X")))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void keysReachTheirAssistantAndDieWithIt() {
    Assistant bot = service.create("org1", draft("Bot"));

    CreatedToken key = service.createKey("org1", bot.id(), "widget");

    assertThat(key.token().scope()).isEqualTo(TokenScope.ASSISTANT);
    assertThat(key.token().assistantId()).isEqualTo(bot.id());
    assertThat(tokens.findByHash(TokenSecret.hash(key.secret()))).contains(key.token());
    assertThat(service.keys("org1", bot.id()))
        .extracting(ApiToken::id)
        .containsExactly(key.token().id());
    assertThatThrownBy(() -> service.keys("org2", bot.id())).isInstanceOf(NotFound.class);

    service.delete("org1", bot.id());

    assertThat(tokens.findByHash(TokenSecret.hash(key.secret())).orElseThrow().revoked()).isTrue();
    assertThatThrownBy(() -> service.find("org1", bot.id())).isInstanceOf(NotFound.class);
  }

  @Test
  void aKeyIsRevokedOnceAndOnlyThroughItsAssistant() {
    Assistant bot = service.create("org1", draft("Bot"));
    Assistant other = service.create("org1", draft("Other"));
    CreatedToken key = service.createKey("org1", bot.id(), "widget");

    assertThatThrownBy(() -> service.revokeKey("org1", other.id(), key.token().id()))
        .isInstanceOf(NotFound.class);
    service.revokeKey("org1", bot.id(), key.token().id());
    assertThatThrownBy(() -> service.revokeKey("org1", bot.id(), key.token().id()))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> service.createKey("org1", bot.id(), " "))
        .isInstanceOf(InvalidRequest.class);
  }

  @Test
  void anUpdateRacingAnotherKeepsBothChanges() {
    Assistant created = service.create("org1", draft("Support"));
    // A store where another request changes the assistant between this update's read and write.
    AssistantStore racing =
        new AssistantStore() {
          boolean raced;

          @Override
          public boolean insert(Assistant assistant) {
            return assistants.insert(assistant);
          }

          @Override
          public boolean update(Assistant assistant) {
            return assistants.update(assistant);
          }

          @Override
          public Outcome updateIfUnchanged(Assistant assistant, java.time.Instant seen) {
            if (!raced) {
              raced = true;
              service.update("org1", created.id(), AssistantDraft.EMPTY.withOpener("Welcome!"));
            }
            return assistants.updateIfUnchanged(assistant, seen);
          }

          @Override
          public java.util.Optional<Assistant> find(String orgId, String id) {
            return assistants.find(orgId, id);
          }

          @Override
          public java.util.Optional<Assistant> findPublic(String id) {
            return assistants.findPublic(id);
          }

          @Override
          public List<Assistant> list(String orgId) {
            return assistants.list(orgId);
          }

          @Override
          public boolean delete(String orgId, String id) {
            return assistants.delete(orgId, id);
          }
        };
    AssistantService slow =
        new AssistantService(
            racing, collections, new ScriptedLanguageModel(), tokens, Clock.systemUTC());

    Assistant updated =
        slow.update("org1", created.id(), AssistantDraft.EMPTY.withDescription("Answers"));

    assertThat(updated.description()).isEqualTo("Answers");
    assertThat(updated.opener()).isEqualTo("Welcome!");
    assertThat(assistants.find("org1", created.id()).orElseThrow().opener()).isEqualTo("Welcome!");
  }

  @Test
  void attributesTooLargeToStoreAreRefusedAndNothingIsStored() {
    String quotes = "\"".repeat(Assistant.MAX_ATTRIBUTE_LENGTH);
    assertThatThrownBy(
            () ->
                service.create(
                    "org1",
                    draft("Big")
                        .withAttributes(java.util.Map.of("avatar", quotes, "logo", quotes))))
        .isInstanceOf(dev.lectern.application.error.InvalidRequest.class)
        .hasMessageContaining("attributes");
    assertThat(assistants.list("org1")).isEmpty();
  }

  @Test
  void namesThatGrowWhenLowerCasedAndTooManyCollectionsAreRefusedBeforeAnythingIsStored() {
    List<CollectionId> many = new java.util.ArrayList<>();
    for (int i = 0; i <= Assistant.MAX_COLLECTIONS; i++) {
      collections.findOrCreate(Fixtures.collection("org1", "c" + i));
      many.add(new CollectionId("c" + i));
    }

    assertThatThrownBy(() -> service.create("org1", draft("\u0130".repeat(200))))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageStartingWith("name:");
    assertThatThrownBy(() -> service.create("org1", draft("Many").withCollections(many)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("collections: at most 512 per assistant");
    assertThat(service.list("org1")).isEmpty();
  }
}
