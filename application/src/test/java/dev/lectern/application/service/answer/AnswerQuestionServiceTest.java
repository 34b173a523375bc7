package dev.lectern.application.service.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.application.error.Forbidden;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.error.PayloadTooLarge;
import dev.lectern.application.error.UpstreamFailure;
import dev.lectern.application.fakes.Commands;
import dev.lectern.application.fakes.FakeIngest;
import dev.lectern.application.fakes.InMemoryArtifactStore;
import dev.lectern.application.fakes.InMemoryAssistantStore;
import dev.lectern.application.fakes.InMemoryChunkIndex;
import dev.lectern.application.fakes.InMemoryCollectionStore;
import dev.lectern.application.fakes.InMemoryConversationStore;
import dev.lectern.application.fakes.InMemoryDocumentStore;
import dev.lectern.application.fakes.ScriptedLanguageModel;
import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.application.port.in.answer.AnswerFrame;
import dev.lectern.application.port.in.answer.AnswerQuestionCommand;
import dev.lectern.application.port.in.answer.AnswerStream;
import dev.lectern.application.port.in.artifact.ArtifactInput;
import dev.lectern.application.port.in.artifact.IngestArtifactCommand;
import dev.lectern.application.port.in.retrieval.Retrieval;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.application.service.conversation.AnonymousQuota;
import dev.lectern.application.service.retrieval.RetrieveChunksService;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.MetadataComparison;
import dev.lectern.domain.artifact.MetadataFilter;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.assistant.AssistantStatus;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.conversation.Conversation;
import dev.lectern.domain.conversation.FinishReason;
import dev.lectern.domain.conversation.Message;
import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.PassageText;
import dev.lectern.domain.conversation.Reference;
import dev.lectern.domain.conversation.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnswerQuestionServiceTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  final InMemoryCollectionStore collections = new InMemoryCollectionStore();
  final InMemoryArtifactStore artifacts = new InMemoryArtifactStore();
  final InMemoryChunkIndex index = new InMemoryChunkIndex();
  final InMemoryConversationStore conversations = new InMemoryConversationStore();
  final InMemoryAssistantStore assistants = new InMemoryAssistantStore(conversations);
  final ScriptedLanguageModel model = new ScriptedLanguageModel();
  final AtomicInteger ids = new AtomicInteger();
  final AnswerQuestionService service =
      new AnswerQuestionService(
          assistants,
          conversations,
          new AnswerPipeline(
              new RetrieveChunksService(collections, artifacts, new InMemoryDocumentStore(), index),
              model,
              model),
          Clock.systemUTC(),
          new AnonymousQuota(conversations, new AnonymousQuota.Limits(2, 1_000_000)),
          () -> "m" + ids.incrementAndGet());
  final CollectionId docs = new CollectionId("docs");

  /** A sink that records deltas and can say the client left after some of them. */
  static final class Recorded implements AnswerStream {
    final List<String> deltas = new ArrayList<>();
    Answer completed;
    final int leaveAfter;

    Recorded(int leaveAfter) {
      this.leaveAfter = leaveAfter;
    }

    @Override
    public void onDelta(String text) {
      deltas.add(text);
    }

    @Override
    public void onComplete(Answer answer) {
      completed = answer;
    }

    @Override
    public boolean cancelled() {
      return leaveAfter >= 0 && deltas.size() >= leaveAfter;
    }
  }

  /** The answer {@code sink} was given. */
  Answer answer(AnswerQuestionCommand command, Recorded sink) {
    service.answer(command, sink);
    return sink.completed;
  }

  @BeforeEach
  void assistantWithAConversation() {
    FakeIngest.over(collections, artifacts, index)
        .ingest(
            new IngestArtifactCommand(
                "org1",
                docs,
                new ArtifactId("handbook"),
                new ArtifactInput.Text("Refunds take five working days once approved."),
                Map.of("file_name", "handbook.txt")));
    assistants.insert(Assistant.create("org1", "a1", "Support", List.of(docs), T0));
    conversations.create(
        new Conversation("org1", "s1", "a1", "New conversation", null, T0, T0),
        List.of(new Message("m0", "s1", null, Role.ASSISTANT, "Hi!", List.of(), true, 0, 0, T0)));
  }

  AnswerQuestionCommand ask(String question, String parent) {
    return Commands.question(question).after(parent).build();
  }

  @Test
  void anAnswerIsGroundedInTheCollectionsStreamedAndStoredWithItsQuestion() {
    model.answering("Five working days [1].");
    Recorded sink = new Recorded(-1);

    Answer answer = answer(ask("How long do refunds take?", null), sink);

    ModelRequest asked = model.requests.get(0);
    assertThat(asked.system())
        .contains("[1] handbook.txt\nRefunds take five working days once approved.");
    assertThat(asked.passages())
        .extracting(Reference::snippet)
        .containsExactly("Refunds take five working days once approved.");
    // The opener before the first question is not shown to the model.
    assertThat(asked.messages())
        .extracting(ModelMessage::role, ModelMessage::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Role.USER, "How long do refunds take?"));
    assertThat(asked.settings().maxTokens()).isEqualTo(512);
    assertThat(sink.deltas).containsExactly("Five ", "working ", "days ", "[1].");
    assertThat(sink.completed).isEqualTo(answer);
    assertThat(answer.references())
        .extracting(r -> r.documentName())
        .containsExactly("handbook.txt");
    List<Message> stored = conversations.messages("org1", "s1");
    assertThat(stored)
        .extracting(Message::id, Message::parentId, Message::role)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("m0", null, Role.ASSISTANT),
            org.assertj.core.groups.Tuple.tuple("m1", "m0", Role.USER),
            org.assertj.core.groups.Tuple.tuple("m2", "m1", Role.ASSISTANT));
    assertThat(stored.get(2).content()).isEqualTo("Five working days [1].");
    assertThat(stored.get(2).references()).hasSize(1);
    assertThat(stored.get(2).complete()).isTrue();
  }

  @Test
  void aFixedFrameAnswersWithoutTheModelAndIsStoredLikeAnyAnswer() {
    Recorded sink = new Recorded(-1);

    Answer answer =
        answer(
            Commands.question("hello")
                .frame(AnswerFrame.fixed(PassageText.of("You said: hello")))
                .build(),
            sink);

    assertThat(model.requests).isEmpty();
    assertThat(sink.deltas).containsExactly("You said: hello");
    assertThat(answer.references()).isEmpty();
    assertThat(conversations.messages("org1", "s1").get(2).content()).isEqualTo("You said: hello");
  }

  @Test
  void aFixedFrameCanShowThePassagesRetrievedForTheQuestion() {
    Answer answer =
        answer(
            Commands.question("How long do refunds take?")
                .frame(AnswerFrame.fixed(new PassageText(List.of("Found:\n", ""))))
                .build(),
            new Recorded(-1));

    assertThat(model.requests).isEmpty();
    assertThat(answer.text()).startsWith("Found:\n").contains("Refunds take five working days");
    assertThat(answer.references()).hasSize(1);
  }

  @Test
  void aFrameWrapsTheModelsReplyAndCanGiveItsOwnInstructions() {
    model.answering("Five days.");
    Recorded sink = new Recorded(-1);
    AnswerFrame frame =
        new AnswerFrame(
            new PassageText(List.of("Be brief. ", "")),
            PassageText.of("Q: refunds?"),
            PassageText.of("> "),
            PassageText.of(" <"),
            AnswerFrame.Mode.MODEL,
            null);

    Answer answer =
        answer(Commands.question("How long do refunds take?").frame(frame).build(), sink);

    assertThat(model.requests.get(0).system())
        .startsWith("Be brief. [1] handbook.txt")
        .doesNotContain("knowledge base");
    assertThat(model.requests.get(0).messages().getLast().text()).isEqualTo("Q: refunds?");
    assertThat(conversations.messages("org1", "s1").get(1).content())
        .isEqualTo("How long do refunds take?");
    assertThat(sink.deltas).containsExactly("> ", "Five ", "days.", " <");
    assertThat(answer.text()).isEqualTo("> Five days. <");
    assertThat(conversations.messages("org1", "s1").get(2).content()).isEqualTo("> Five days. <");
  }

  @Test
  void aFramesTextIsLiteralAndOnlyItsPlacesHoldPassages() {
    Answer answer =
        answer(
            Commands.question("How long do refunds take?")
                .frame(AnswerFrame.fixed(PassageText.of("{knowledge} stays as written")))
                .build(),
            new Recorded(-1));

    assertThat(answer.text()).isEqualTo("{knowledge} stays as written");
    assertThat(answer.references()).isEmpty();
  }

  @Test
  void aModelFailingBeforeItWritesLeavesNothingThoughTheFrameHasTextBefore() {
    model.answering("Five working days.").failingAfter(0);
    AnswerFrame frame =
        new AnswerFrame(
            null, null, PassageText.of("> "), PassageText.EMPTY, AnswerFrame.Mode.MODEL, null);
    Recorded sink = new Recorded(-1);

    assertThatThrownBy(
            () ->
                service.answer(
                    Commands.question("How long do refunds take?").frame(frame).build(), sink))
        .isInstanceOf(UpstreamFailure.class);
    assertThat(sink.deltas).isEmpty();
    assertThat(conversations.messages("org1", "s1")).hasSize(1);
  }

  @Test
  void aFrameCanKeepThePassagesToSomeDocuments() {
    FakeIngest.over(collections, artifacts, index)
        .ingest(
            new IngestArtifactCommand(
                "org1",
                docs,
                new ArtifactId("old-handbook"),
                new ArtifactInput.Text("Refunds took ten working days in 2020."),
                Map.of("file_name", "old.txt", "year", "2020")));
    MetadataFilter only2020 =
        new MetadataFilter(
            false,
            List.of(new MetadataComparison("year", MetadataComparison.Operator.EQUAL, "2020")));

    Answer answer =
        answer(
            Commands.question("How long do refunds take?")
                .frame(AnswerFrame.MODEL.withDocuments(only2020))
                .build(),
            new Recorded(-1));

    assertThat(answer.references()).extracting(r -> r.documentName()).containsExactly("old.txt");
  }

  @Test
  void aQuestionFollowingAnEarlierMessageSeesOnlyItsBranch() {
    service.answer(ask("Do refunds take long?", null), new Recorded(-1));
    service.answer(ask("Are refunds paid by card?", null), new Recorded(-1));

    service.answer(ask("Who approves refunds?", "m2"), new Recorded(-1));

    assertThat(model.requests.get(2).messages())
        .extracting(ModelMessage::text)
        .containsExactly("Do refunds take long?", "Scripted answer.", "Who approves refunds?");
    assertThat(conversations.messages("org1", "s1").get(5).parentId()).isEqualTo("m2");
  }

  @Test
  void nothingRetrievedGivesTheEmptyResponseWithoutAskingTheModel() {
    Recorded sink = new Recorded(-1);

    Answer answer = answer(ask("Who painted the Mona Lisa?", null), sink);

    assertThat(answer.text()).isEqualTo(Assistant.DEFAULT_EMPTY_RESPONSE);
    assertThat(sink.deltas).containsExactly(Assistant.DEFAULT_EMPTY_RESPONSE);
    assertThat(model.requests).isEmpty();
    assertThat(conversations.messages("org1", "s1")).hasSize(3);
  }

  @Test
  void aClientThatLeavesMidStreamLeavesAPartialAnswerWithItsQuestion() {
    model.answering("Five working days, counted from approval.");

    Answer answer = answer(ask("How long do refunds take?", null), new Recorded(2));

    assertThat(answer.finishReason()).isEqualTo(FinishReason.CANCELLED);
    Message stored = conversations.messages("org1", "s1").get(2);
    assertThat(stored.content()).isEqualTo("Five working ");
    assertThat(stored.complete()).isFalse();
  }

  /** A stream that has begun: it records its events in order and takes a failure in-stream. */
  static final class Begun implements AnswerStream {
    final List<String> events = new ArrayList<>();
    RuntimeException failure;

    @Override
    public void onStart(String questionId, String answerId) {
      events.add("start " + questionId + " " + answerId);
    }

    @Override
    public void onSources(List<Retrieval.RetrievedChunk> sources) {
      events.add("sources " + sources.size());
    }

    @Override
    public void onDelta(String text) {
      events.add("delta " + text);
    }

    @Override
    public void onComplete(Answer answer) {
      events.add("complete " + answer.finishReason());
    }

    @Override
    public void onError(RuntimeException error) {
      events.add("error");
      failure = error;
    }
  }

  @Test
  void aStreamHearsStartSourcesPiecesThenCompleteOrOneErrorAndKeepsWhatItSaw() {
    model.answering("Five working days.");
    Begun done = new Begun();
    service.answer(ask("How long do refunds take?", null), done);
    assertThat(done.events)
        .containsExactly(
            "start m1 m2",
            "sources 1",
            "delta Five ",
            "delta working ",
            "delta days.",
            "complete STOP");

    model.failingAfter(2);
    Begun cut = new Begun();
    service.answer(ask("And card refunds?", "m2"), cut);

    assertThat(cut.events)
        .containsExactly("start m3 m4", "sources 1", "delta Five ", "delta working ", "error");
    assertThat(cut.failure).isInstanceOf(UpstreamFailure.class);
    Message stored = conversations.messages("org1", "s1").getLast();
    assertThat(stored.content()).isEqualTo("Five working ");
    assertThat(stored.complete()).isFalse();
  }

  @Test
  void aPromptThatCannotFitFailsBeforeTheStreamStarts() {
    // An assistant without collections: its model is asked whatever the passages.
    assistants.insert(Assistant.create("org1", "a2", "Plain", List.of(), T0));
    conversations.create(
        new Conversation("org1", "s2", "a2", "New conversation", null, T0, T0), List.of());
    model.withContext(3);
    Begun refused = new Begun();

    service.answer(
        Commands.question("How long do refunds take?").assistant("a2").conversation("s2").build(),
        refused);

    assertThat(refused.events).containsExactly("error");
    assertThat(refused.failure).isInstanceOf(PayloadTooLarge.class);
    assertThat(conversations.messages("org1", "s2")).isEmpty();
    assertThat(model.requests).isEmpty();
  }

  @Test
  void aModelFailureKeepsWhatWasShownAndNothingWhenNothingWas() {
    model.answering("Five working days.").failingAfter(0);
    assertThatThrownBy(
            () -> service.answer(ask("How long do refunds take?", null), new Recorded(-1)))
        .isInstanceOf(UpstreamFailure.class);
    assertThat(conversations.messages("org1", "s1")).hasSize(1);

    model.failingAfter(2);
    assertThatThrownBy(
            () -> service.answer(ask("How long do refunds take?", null), new Recorded(-1)))
        .isInstanceOf(UpstreamFailure.class);
    List<Message> stored = conversations.messages("org1", "s1");
    assertThat(stored).hasSize(3);
    assertThat(stored.get(2).content()).isEqualTo("Five working ");
    assertThat(stored.get(2).complete()).isFalse();
  }

  @Test
  void unknownOrSuspendedAssistantsConversationsAndMessagesAreRefused() {
    assertThatThrownBy(() -> service.answer(ask("Hi?", "nope"), new Recorded(-1)))
        .isInstanceOf(NotFound.class)
        .hasMessageContaining("message 'nope'");
    assertThatThrownBy(
            () ->
                service.answer(
                    Commands.question("Hi?").conversation("other").build(), new Recorded(-1)))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(
            () -> service.answer(Commands.question("Hi?").org("org2").build(), new Recorded(-1)))
        .isInstanceOf(NotFound.class);
    Assistant a1 = assistants.find("org1", "a1").orElseThrow();
    assistants.update(
        new Assistant(
            a1.orgId(),
            a1.id(),
            a1.name(),
            a1.description(),
            a1.systemPrompt(),
            a1.opener(),
            a1.emptyResponse(),
            a1.knowledgeRequired(),
            a1.collections(),
            a1.model(),
            a1.retrieval(),
            a1.historyWindow(),
            a1.showQuote(),
            a1.access(),
            AssistantStatus.SUSPENDED,
            a1.attributes(),
            a1.flow(),
            a1.createdAt(),
            a1.updatedAt()));
    assertThatThrownBy(() -> service.answer(ask("Hi?", null), new Recorded(-1)))
        .isInstanceOf(Forbidden.class);
    assertThat(conversations.messages("org1", "s1")).hasSize(1);
  }

  @Test
  void aQuestionLongerThanAMessageHoldsIsRefusedNamingItAndNothingIsStored() {
    String question = "q".repeat(Message.MAX_CONTENT_LENGTH + 1);

    assertThatThrownBy(() -> service.answer(ask(question, null), new Recorded(-1)))
        .isInstanceOf(PayloadTooLarge.class)
        .hasMessageStartingWith("question: longer than the 10000000 characters");
    assertThat(model.requests).isEmpty();
    assertThat(conversations.messages("org1", "s1")).hasSize(1);
  }

  @Test
  void anAnonymousTurnKeepsTheAssistantsAnonymousConversationsWithinItsQuota() {
    for (String id : List.of("p1", "p2", "p3")) {
      conversations.create(
          new Conversation("org1", id, "a1", "New conversation", null, T0, T0, true, 0), List.of());
    }
    model.answering("Five working days.");

    service.answer(Commands.question("How long?").conversation("p3").build(), new Recorded(-1));

    assertThat(conversations.list("org1", "a1"))
        .extracting(Conversation::id)
        .as("the quota keeps two: the one just used and the next most recent")
        .containsExactlyInAnyOrder("s1", "p3", "p2");
  }

  @Test
  void aTurnReadsOnlyItsOwnBranchWithinTheWindow() {
    model.answering("A.");
    Answer first = answer(ask("refunds first", null), new Recorded(-1));
    service.answer(ask("refunds left", first.answerId()), new Recorded(-1));
    service.answer(ask("refunds right", first.answerId()), new Recorded(-1));

    assertThat(model.requests.get(2).messages())
        .extracting(ModelMessage::text)
        .containsExactly("refunds first", "A.", "refunds right");
  }
}
