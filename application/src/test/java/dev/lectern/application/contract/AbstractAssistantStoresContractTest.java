package dev.lectern.application.contract;

import static dev.lectern.application.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.port.out.AssistantStore;
import dev.lectern.application.port.out.ConversationStore;
import dev.lectern.domain.assistant.Access;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.assistant.AssistantStatus;
import dev.lectern.domain.assistant.ModelChoice;
import dev.lectern.domain.assistant.RetrievalChoice;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.conversation.Conversation;
import dev.lectern.domain.conversation.Message;
import dev.lectern.domain.conversation.Reference;
import dev.lectern.domain.conversation.Role;
import dev.lectern.domain.flow.Flow;
import dev.lectern.domain.flow.FlowStep;
import dev.lectern.domain.flow.Template;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract: what every {@link AssistantStore} and {@link ConversationStore} pair must do. */
public abstract class AbstractAssistantStoresContractTest {
  protected AssistantStore assistants;
  protected ConversationStore conversations;

  /** The two stores over one fresh, empty storage; {@code org1} and {@code org2} exist. */
  protected abstract void createStores();

  @BeforeEach
  void setUp() {
    createStores();
  }

  static Assistant assistant(String org, String id, String name) {
    return Assistant.create(org, id, name, List.of(new CollectionId("c1")), T0);
  }

  static Message message(String conversation, String id, String parent, Role role, String text) {
    return new Message(id, conversation, parent, role, text, List.of(), true, 0, 0, T0);
  }

  static Conversation conversation(String org, String id, String assistant) {
    return new Conversation(org, id, assistant, "New conversation", "user-7", T0, T0);
  }

  @Test
  void anAssistantRoundTripsWithEverySetting() {
    Assistant stored =
        new Assistant(
            "org1",
            "a1",
            "Support",
            "Answers support questions",
            "Use {knowledge}.",
            "Hello!",
            "",
            false,
            List.of(new CollectionId("c1"), new CollectionId("c2")),
            new ModelChoice("llama3", 0.5, 0.8, 0.1, 0.2, 1024),
            new RetrievalChoice(4, 256, 0.35, 0.6),
            3,
            false,
            Access.PUBLIC,
            AssistantStatus.SUSPENDED,
            java.util.Map.of(
                "avatar", "data:image/png;base64,AAAA", "ragflow.prompt", "{\"tts\":false}"),
            everyStep(),
            T0,
            T0.plusSeconds(5));

    assertThat(assistants.insert(stored)).isTrue();

    assertThat(assistants.find("org1", "a1")).hasValue(stored);
    assertThat(assistants.find("org2", "a1")).isEmpty();
    Assistant sparse = withFlow(assistant("org1", "a3", "Sparse"), sparseFlow());
    assertThat(assistants.insert(sparse)).isTrue();
    assertThat(assistants.find("org1", "a3")).hasValue(sparse);
    Assistant defaults = assistant("org1", "a2", "Defaults");
    assistants.insert(defaults);
    assertThat(assistants.find("org1", "a2")).hasValue(defaults);
  }

  @Test
  void namesAreUniquePerOrganizationWhateverTheirCase() {
    assertThat(assistants.insert(assistant("org1", "a1", "Support"))).isTrue();
    assertThat(assistants.insert(assistant("org1", "a2", "SUPPORT"))).isFalse();
    assertThat(assistants.insert(assistant("org2", "a2", "support"))).isTrue();
    assertThat(assistants.insert(assistant("org1", "a3", "Sales"))).isTrue();

    assertThat(assistants.update(assistant("org1", "a3", "support"))).isFalse();
    assertThat(assistants.update(assistant("org1", "a1", "SUPPORT desk"))).isTrue();
    assertThat(assistants.find("org1", "a1").orElseThrow().name()).isEqualTo("SUPPORT desk");
    assertThat(assistants.list("org1")).extracting(Assistant::id).containsExactly("a1", "a3");
  }

  @Test
  void aConditionalUpdateStoresOnlyOverTheStateItRead() {
    Assistant first = assistant("org1", "a1", "Support");
    assertThat(assistants.insert(first)).isTrue();
    assistants.insert(assistant("org1", "a2", "Sales"));
    Instant later = T0.plusSeconds(5);
    Assistant renamed = withName(first, "Help desk", later);

    assertThat(assistants.updateIfUnchanged(renamed, T0)).isEqualTo(AssistantStore.Outcome.UPDATED);
    // A second writer that read the assistant before that change stores nothing.
    assertThat(assistants.updateIfUnchanged(withName(first, "Front desk", later), T0))
        .isEqualTo(AssistantStore.Outcome.CHANGED);
    assertThat(assistants.find("org1", "a1").orElseThrow().name()).isEqualTo("Help desk");
    assertThat(
            assistants.updateIfUnchanged(withName(renamed, "SALES", later.plusSeconds(1)), later))
        .isEqualTo(AssistantStore.Outcome.NAME_TAKEN);
    assertThat(assistants.updateIfUnchanged(assistant("org1", "gone", "Gone"), T0))
        .isEqualTo(AssistantStore.Outcome.CHANGED);
  }

  /** A flow with every kind of step and of template part, a value of each setting left out. */
  private static Flow everyStep() {
    Template question =
        new Template(
            List.of(
                new Template.Literal("Q: "),
                Template.Slot.QUESTION,
                new Template.Variable("tone"),
                new Template.Input("name"),
                Template.Slot.ASKER,
                Template.Slot.TURN,
                Template.Slot.FILES));
    return new Flow(
        List.of(
            new FlowStep.Begin("begin", "Start", "Hi there", Map.of("name", "friend")),
            new FlowStep.Retrieve("find", "", List.of("d1", "d2"), 4, null, 0.3),
            new FlowStep.Generate(
                "ask",
                "Model",
                "llama3",
                new Template(List.of(new Template.Literal("Use "), Template.Slot.PASSAGES)),
                question,
                0.2,
                null,
                512,
                true,
                true),
            new FlowStep.Message(
                "say",
                "",
                List.of(
                    new Template(List.of(Template.Slot.ANSWER, new Template.Literal(" [done]"))),
                    Template.of("Hello")))),
        Map.of("tone", "kind"));
  }

  /** A flow whose settings are all left out: nulls, false flags, empty templates and maps. */
  private static Flow sparseFlow() {
    return new Flow(
        List.of(
            new FlowStep.Begin("begin", "", "", Map.of()),
            new FlowStep.Retrieve("find", "", List.of(), null, null, null),
            new FlowStep.Generate(
                "ask", "", "", Template.EMPTY, Template.EMPTY, null, null, null, false, false),
            new FlowStep.Message("say", "", List.of(Template.EMPTY))),
        Map.of());
  }

  static Assistant withFlow(Assistant a, Flow flow) {
    return Fixtures.assistantWith(a, a.name(), a.access(), flow, a.updatedAt());
  }

  static Assistant withAccess(Assistant a, Access access) {
    return Fixtures.assistantWith(a, a.name(), access, a.flow(), a.updatedAt());
  }

  static Assistant withName(Assistant a, String name, Instant at) {
    return Fixtures.assistantWith(a, name, a.access(), a.flow(), at);
  }

  @Test
  void anAssistantIsFoundByItsIdAloneAndAMessageByItsIdInItsOrganization() {
    assistants.insert(assistant("org1", "a1", "Support"));
    assistants.insert(withAccess(assistant("org2", "p1", "Open"), Access.PUBLIC));
    conversations.create(
        conversation("org1", "c1", "a1"), List.of(message("c1", "m1", null, Role.ASSISTANT, "Hi")));

    assertThat(assistants.findPublic("p1")).map(Assistant::orgId).contains("org2");
    assertThat(assistants.findPublic("a1")).as("a private assistant").isEmpty();
    assertThat(assistants.findPublic("nope")).isEmpty();
    assertThat(conversations.conversationOf("org1", "m1")).contains("c1");
    assertThat(conversations.conversationOf("org2", "m1")).isEmpty();
    assertThat(conversations.conversationOf("org1", "nope")).isEmpty();
  }

  @Test
  void deletingAnAssistantDeletesItsConversations() {
    assistants.insert(assistant("org1", "a1", "Support"));
    assistants.insert(assistant("org1", "a2", "Sales"));
    conversations.create(
        conversation("org1", "s1", "a1"),
        List.of(message("s1", "m0", null, Role.ASSISTANT, "Hi!")));
    conversations.create(conversation("org1", "s2", "a2"), List.of());

    assertThat(assistants.delete("org1", "a1")).isTrue();
    assertThat(assistants.delete("org1", "a1")).isFalse();

    assertThat(assistants.find("org1", "a1")).isEmpty();
    assertThat(conversations.find("org1", "s1")).isEmpty();
    assertThat(conversations.messages("org1", "s1")).isEmpty();
    assertThat(conversations.find("org1", "s2")).isPresent();
  }

  @Test
  void turnsAreStoredWholeInOrderWithTheirReferences() {
    assistants.insert(assistant("org1", "a1", "Support"));
    assistants.insert(withAccess(assistant("org2", "p1", "Open"), Access.PUBLIC));
    conversations.create(
        conversation("org1", "s1", "a1"),
        List.of(message("s1", "m0", null, Role.ASSISTANT, "Hi!")));
    Reference cited =
        new Reference("chunk-1", "c1", "handbook", "handbook.pdf", 0.82, "Refunds take five days.");
    Message answer =
        new Message(
            "m2",
            "s1",
            "m1",
            Role.ASSISTANT,
            "Five days [1].",
            List.of(cited),
            false,
            120,
            7,
            T0.plusSeconds(2));
    Instant later = T0.plusSeconds(3);

    assertThat(
            conversations.appendTurn(
                "org1",
                "s1",
                List.of(message("s1", "m1", "m0", Role.USER, "How long do refunds take?"), answer),
                later))
        .isTrue();
    assertThat(
            conversations.appendTurn(
                "org1", "gone", List.of(message("gone", "x", null, Role.USER, "?")), later))
        .isFalse();

    List<Message> stored = conversations.messages("org1", "s1");
    assertThat(stored).extracting(Message::id).containsExactly("m0", "m1", "m2");
    assertThat(stored.get(2)).isEqualTo(answer);
    assertThat(conversations.find("org1", "s1").orElseThrow().updatedAt()).isEqualTo(later);
    assertThat(conversations.messages("org2", "s1")).isEmpty();
  }

  @Test
  void conversationsAreListedRenamedAndDeletedWithinTheirOrganization() {
    assistants.insert(assistant("org1", "a1", "Support"));
    assistants.insert(withAccess(assistant("org2", "p1", "Open"), Access.PUBLIC));
    conversations.create(conversation("org1", "s1", "a1"), List.of());
    conversations.create(conversation("org1", "s2", "a1"), List.of());

    assertThat(conversations.list("org1", "a1"))
        .extracting(Conversation::id)
        .containsExactly("s1", "s2");
    assertThat(conversations.list("org2", "a1")).isEmpty();
    assertThat(conversations.rename("org1", "s2", "Refunds", T0.plusSeconds(9))).isTrue();
    assertThat(conversations.rename("org2", "s2", "Nope", T0)).isFalse();
    assertThat(conversations.find("org1", "s2").orElseThrow().name()).isEqualTo("Refunds");
    assertThat(conversations.find("org1", "s2").orElseThrow().userId()).isEqualTo("user-7");
    assertThat(conversations.delete("org2", "s1")).isFalse();
    assertThat(conversations.delete("org1", "s1")).isTrue();
    assertThat(conversations.list("org1", "a1")).extracting(Conversation::id).containsExactly("s2");
  }

  @Test
  void aBranchIsReadWithinItsWindowAndItsBudgetWithoutOtherBranches() {
    assistants.insert(assistant("org1", "a1", "Support"));
    conversations.create(
        conversation("org1", "s1", "a1"),
        List.of(message("s1", "m0", null, Role.ASSISTANT, "Hi!")));
    conversations.appendTurn(
        "org1",
        "s1",
        List.of(
            message("s1", "q1", "m0", Role.USER, "first question"),
            message("s1", "a1", "q1", Role.ASSISTANT, "first answer")),
        T0.plusSeconds(1));
    // Two branches after the first answer.
    conversations.appendTurn(
        "org1",
        "s1",
        List.of(
            message("s1", "q2", "a1", Role.USER, "left"),
            message("s1", "a2", "q2", Role.ASSISTANT, "left answer")),
        T0.plusSeconds(2));
    conversations.appendTurn(
        "org1",
        "s1",
        List.of(
            message("s1", "q3", "a1", Role.USER, "right " + "x".repeat(100)),
            message("s1", "a3", "q3", Role.ASSISTANT, "right answer")),
        T0.plusSeconds(3));

    assertThat(conversations.branch("org1", "s1", "a3", 10, 1_000_000))
        .extracting(Message::id)
        .containsExactly("m0", "q1", "a1", "q3", "a3");
    assertThat(conversations.branch("org1", "s1", "a2", 3, 1_000_000))
        .extracting(Message::id)
        .containsExactly("a1", "q2", "a2");
    // The budget counts the newest first; the message the branch ends at is always read.
    assertThat(conversations.branch("org1", "s1", "a3", 10, 50))
        .extracting(Message::id)
        .containsExactly("a3");
    assertThat(conversations.branch("org1", "s1", "a3", 10, 125))
        .extracting(Message::id)
        .containsExactly("q3", "a3");
    assertThat(conversations.branch("org1", "s1", "nope", 10, 1000)).isEmpty();
    assertThat(conversations.branch("org2", "s1", "a3", 10, 1000)).isEmpty();

    assertThat(conversations.lastMessageId("org1", "s1")).hasValue("a3");
    assertThat(conversations.count("org1", "s1", Role.USER)).isEqualTo(3);
    assertThat(conversations.count("org1", "s1", Role.ASSISTANT)).isEqualTo(4);
    assertThat(conversations.count("org2", "s1", Role.USER)).isZero();
    assertThat(conversations.lastMessageId("org2", "s1")).isEmpty();
    assertThat(conversations.message("org1", "s1", "q2").orElseThrow().content()).isEqualTo("left");
    assertThat(conversations.message("org2", "s1", "q2")).isEmpty();
    assertThat(conversations.firstAnswerTo("org1", "s1", "q3")).hasValue("a3");
    assertThat(conversations.firstAnswerTo("org1", "s1", "a3")).isEmpty();
  }

  private static Conversation anonymous(String id, Instant at) {
    return new Conversation("org1", id, "p1", "New conversation", null, at, at, true, 0);
  }

  @Test
  void anonymousConversationsAreCountedAndTheLeastRecentlyUsedPrunedFirst() {
    assistants.insert(withAccess(assistant("org1", "p1", "Open"), Access.PUBLIC));
    conversations.create(anonymous("s1", T0), List.of());
    conversations.create(anonymous("s2", T0.plusSeconds(1)), List.of());
    conversations.create(anonymous("s3", T0.plusSeconds(2)), List.of());
    conversations.create(conversation("org1", "mine", "p1"), List.of());
    // s1 is the oldest but was used last.
    conversations.appendTurn(
        "org1",
        "s1",
        List.of(
            message("s1", "q", null, Role.USER, "Жжж question"),
            message("s1", "a", "q", Role.ASSISTANT, "answer")),
        T0.plusSeconds(9));

    ConversationStore.AnonymousUsage usage = conversations.anonymousUsage("org1", "p1");
    assertThat(usage.conversations()).isEqualTo(3);
    assertThat(usage.storedBytes()).isGreaterThanOrEqualTo("Жжж question".length() + 6 + 3);
    assertThat(conversations.find("org1", "s1").orElseThrow().storedBytes())
        .isEqualTo(usage.storedBytes());
    assertThat(conversations.find("org1", "s1").orElseThrow().anonymous()).isTrue();
    assertThat(conversations.find("org1", "mine").orElseThrow().anonymous()).isFalse();

    assertThat(conversations.pruneAnonymous("org1", "p1", 2, Long.MAX_VALUE, null)).isEqualTo(1);
    assertThat(conversations.list("org1", "p1"))
        .extracting(Conversation::id)
        .containsExactlyInAnyOrder("s1", "s3", "mine");
    // Past the bytes: the newest, s1, alone holds more than they allow; the rest go.
    assertThat(conversations.pruneAnonymous("org1", "p1", 10, usage.storedBytes(), null)).isZero();
    assertThat(conversations.pruneAnonymous("org1", "p1", 10, usage.storedBytes() - 1, "s1"))
        .as("the conversation just used stays, though it alone is past the quota")
        .isEqualTo(1);
    assertThat(conversations.anonymousUsage("org1", "p1").conversations()).isEqualTo(1);
    assertThat(conversations.pruneAnonymous("org1", "p1", 0, 0, null)).isEqualTo(1);
    assertThat(conversations.anonymousUsage("org1", "p1").conversations()).isZero();
    assertThat(conversations.list("org1", "p1"))
        .extracting(Conversation::id)
        .containsExactly("mine");
    assertThat(conversations.anonymousUsage("org2", "p1").conversations()).isZero();
  }
}
