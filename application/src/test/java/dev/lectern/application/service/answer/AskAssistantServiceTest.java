package dev.lectern.application.service.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.application.error.Forbidden;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.fakes.InMemoryLectern;
import dev.lectern.application.fakes.RecordedAnswer;
import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.application.port.in.answer.AnswerFrame;
import dev.lectern.application.port.in.answer.AskAssistantCommand;
import dev.lectern.application.port.in.assistant.AssistantDraft;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.assistant.AssistantStatus;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.PassageText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AskAssistantServiceTest {
  final InMemoryLectern lectern = new InMemoryLectern();
  final String org = lectern.defaultOrgId();

  String assistant(AssistantDraft draft) {
    return lectern.assistants.create(org, draft).id();
  }

  /** The answer {@code sink} was given. */
  Answer ask(AskAssistantCommand command, RecordedAnswer sink) {
    lectern.asks.ask(command, sink);
    return sink.completed;
  }

  @Test
  void theAssistantsPromptAndPassagesAnswerAndNothingIsStored() {
    lectern.ingestText("docs", "refunds", "refunds.txt", "Refunds take five working days.");
    String desk =
        assistant(AssistantDraft.named("Desk").withCollections(List.of(new CollectionId("docs"))));
    lectern.model.answering("Five days [1].");
    RecordedAnswer sink = new RecordedAnswer();

    Answer answer =
        ask(
            new AskAssistantCommand(
                org,
                desk,
                List.of(
                    ModelMessage.assistant("Hi!"), ModelMessage.user("How long do refunds take?")),
                null,
                null),
            sink);

    ModelRequest asked = lectern.model.requests.getFirst();
    assertThat(asked.system()).contains("Refunds take five working days.");
    // The opener before the first user message is left out.
    assertThat(asked.messages())
        .extracting(ModelMessage::text)
        .containsExactly("How long do refunds take?");
    assertThat(answer.text()).isEqualTo("Five days [1].");
    assertThat(answer.conversationId()).isNull();
    assertThat(answer.references()).extracting(r -> r.documentId()).containsExactly("refunds");
    assertThat(String.join("", sink.deltas)).isEqualTo("Five days [1].");
    assertThat(sink.completed).isEqualTo(answer);
    assertThat(lectern.conversations.list(org, desk)).isEmpty();
  }

  @Test
  void earlierTurnsBeyondTheHistoryWindowAreDropped() {
    String desk =
        assistant(AssistantDraft.named("Desk").withHistoryWindow(2).withKnowledgeRequired(false));
    List<ModelMessage> messages = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      messages.add(ModelMessage.user("q" + i));
      messages.add(ModelMessage.assistant("a" + i));
    }
    messages.add(ModelMessage.user("q4"));

    lectern.asks.ask(new AskAssistantCommand(org, desk, messages, 32, 0.3), new RecordedAnswer());

    ModelRequest asked = lectern.model.requests.getFirst();
    assertThat(asked.messages()).extracting(ModelMessage::text).containsExactly("q3", "a3", "q4");
    assertThat(asked.settings().maxTokens()).isEqualTo(32);
    assertThat(asked.settings().temperature()).isEqualTo(0.3);
  }

  @Test
  void anAssistantWhoseModelLeftTheConfigurationGivesFixedAnswersButIsRefusedTheModel() {
    String desk =
        assistant(AssistantDraft.named("Desk").withKnowledgeRequired(false).withModel("scripted"));
    lectern.model.named("other");
    List<ModelMessage> hi = List.of(ModelMessage.user("Hi"));
    RecordedAnswer fixed = new RecordedAnswer();

    lectern.asks.ask(
        new AskAssistantCommand(
            org, desk, hi, null, null, AnswerFrame.fixed(PassageText.of("Closed today."))),
        fixed);

    assertThat(fixed.completed.text()).isEqualTo("Closed today.");
    assertThatThrownBy(
            () -> lectern.asks.ask(new AskAssistantCommand(org, desk, hi, null, null), fixed))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("model: no model named 'scripted' is configured; use one of other");
    assertThat(lectern.model.requests).isEmpty();
  }

  @Test
  void aSuspendedAssistantDoesNotAnswer() {
    String desk = assistant(AssistantDraft.named("Desk").withStatus(AssistantStatus.SUSPENDED));

    assertThatThrownBy(
            () ->
                lectern.asks.ask(
                    new AskAssistantCommand(
                        org, desk, List.of(ModelMessage.user("Hi")), null, null),
                    new RecordedAnswer()))
        .isInstanceOf(Forbidden.class);
    assertThat(lectern.model.requests).isEmpty();
  }

  @Test
  void aCollectionDeletedSinceLeavesTheOthersToAnswerAndTheAssistantToBeChanged() {
    lectern.ingestText("docs", "refunds", "refunds.txt", "Refunds take five working days.");
    lectern.ingestText("old", "hours", "hours.txt", "The office opens at nine.");
    String desk =
        assistant(
            AssistantDraft.named("Desk")
                .withCollections(List.of(new CollectionId("old"), new CollectionId("docs"))));
    lectern.collections.delete(org, new CollectionId("old"));

    Answer answer =
        ask(
            new AskAssistantCommand(
                org, desk, List.of(ModelMessage.user("How long do refunds take?")), null, null),
            new RecordedAnswer());

    assertThat(answer.references()).extracting(r -> r.documentId()).containsExactly("refunds");
    var renamed = lectern.assistants.update(org, desk, AssistantDraft.named("Front desk"));
    assertThat(renamed.collections()).containsExactly(new CollectionId("docs"));
  }
}
