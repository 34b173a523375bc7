package dev.lectern.application.service.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.application.error.PayloadTooLarge;
import dev.lectern.application.fakes.Commands;
import dev.lectern.application.fakes.FakeIngest;
import dev.lectern.application.fakes.InMemoryArtifactStore;
import dev.lectern.application.fakes.InMemoryChunkIndex;
import dev.lectern.application.fakes.InMemoryCollectionStore;
import dev.lectern.application.fakes.InMemoryDocumentStore;
import dev.lectern.application.fakes.RecordedAnswer;
import dev.lectern.application.fakes.ScriptedLanguageModel;
import dev.lectern.application.port.in.answer.ComposeReplyCommand;
import dev.lectern.application.port.in.answer.KnowledgeScope;
import dev.lectern.application.port.in.artifact.ArtifactInput;
import dev.lectern.application.port.in.artifact.IngestArtifactCommand;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.application.service.artifact.IngestArtifactService;
import dev.lectern.application.service.retrieval.RetrieveChunksService;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.collection.CollectionId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComposeReplyServiceTest {
  final InMemoryCollectionStore collections = new InMemoryCollectionStore();
  final InMemoryArtifactStore artifacts = new InMemoryArtifactStore();
  final InMemoryChunkIndex index = new InMemoryChunkIndex();
  final ScriptedLanguageModel model = new ScriptedLanguageModel().answering("Code 4471 [1].");
  final ComposeReplyService service =
      new ComposeReplyService(
          new AnswerPipeline(
              new RetrieveChunksService(collections, artifacts, new InMemoryDocumentStore(), index),
              model,
              model));
  final CollectionId notes = new CollectionId("notes");

  @BeforeEach
  void ingest() {
    IngestArtifactService ingest = FakeIngest.over(collections, artifacts, index);
    ingest.ingest(
        new IngestArtifactCommand(
            "org1",
            notes,
            new ArtifactId("zebra"),
            new ArtifactInput.Text("Zebra code is 4471."),
            Map.of("file_name", "n.txt")));
    ingest.ingest(
        new IngestArtifactCommand(
            "org1",
            notes,
            new ArtifactId("lion"),
            new ArtifactInput.Text("Lion code is 9120."),
            Map.of("file_name", "l.txt")));
  }

  ComposeReplyCommand ask(String system, KnowledgeScope scope) {
    Commands.Reply reply = Commands.reply("What is the zebra code?").system(system);
    return (scope == null ? reply : reply.knowledge(scope)).build();
  }

  @Test
  void aScopedReplyGetsThePassagesAfterTheClientsSystemPrompt() {
    RecordedAnswer reply = new RecordedAnswer();

    service.compose(
        ask("Be brief.", new KnowledgeScope(notes, List.of(new ArtifactId("zebra")), null, 32)),
        reply);

    ModelRequest asked = model.requests.get(0);
    assertThat(asked.system())
        .startsWith("Be brief.\n\n" + ReplyPlans.PASSAGES_INTRO)
        .contains("[1] n.txt\nZebra code is 4471.")
        .doesNotContain("Lion");
    assertThat(asked.passages()).hasSize(1);
    assertThat(reply.sources)
        .extracting(s -> s.artifact().key().artifactId().value())
        .containsExactly("zebra");
    assertThat(reply.completed.text()).isEqualTo("Code 4471 [1].");
    assertThat(reply.completed.references())
        .extracting(r -> r.documentId())
        .containsExactly("zebra");
    assertThat(reply.text()).isEqualTo("Code 4471 [1].");
  }

  @Test
  void withoutAScopeTheClientsConversationGoesAsItIs() {
    RecordedAnswer reply = new RecordedAnswer();
    service.compose(ask(null, null), reply);

    assertThat(model.requests.get(0).system()).isNull();
    assertThat(model.requests.get(0).passages()).isEmpty();
    assertThat(reply.sources).isEmpty();
  }

  @Test
  void aConversationTooLongForTheModelIsRefusedNamingWhatIsTooLong() {
    ScriptedLanguageModel small = new ScriptedLanguageModel().withContext(12);
    AnswerPipeline narrowPipeline =
        new AnswerPipeline(
            new RetrieveChunksService(collections, artifacts, new InMemoryDocumentStore(), index),
            small,
            small);
    ComposeReplyService narrow = new ComposeReplyService(narrowPipeline);
    ComposeReplyCommand tooLong =
        Commands.reply("What is the zebra code?")
            .system("one two three four five six seven eight")
            .build();

    assertThatThrownBy(() -> narrow.compose(tooLong, new RecordedAnswer()))
        .isInstanceOf(PayloadTooLarge.class)
        .hasMessageStartingWith("messages: the prompt comes to at least 13 tokens");
    ComposeReplyCommand greedy = Commands.reply("Hi").maxTokens(Integer.MAX_VALUE).build();
    assertThatThrownBy(() -> new CheckReplyService(narrowPipeline).check(greedy))
        .isInstanceOf(PayloadTooLarge.class)
        .hasMessageStartingWith("max_tokens:");
    assertThat(small.requests).isEmpty();
  }

  @Test
  void passagesGetOnlyTheRoomThePromptLeaves() {
    ScriptedLanguageModel small = new ScriptedLanguageModel().withContext(70);
    ComposeReplyService narrow =
        new ComposeReplyService(
            new AnswerPipeline(
                new RetrieveChunksService(
                    collections, artifacts, new InMemoryDocumentStore(), index),
                small,
                small));

    RecordedAnswer reply = new RecordedAnswer();
    narrow.compose(
        ask(null, new KnowledgeScope(notes, List.of(new ArtifactId("zebra")), null, 32)), reply);

    // Five words of question and nothing else fit: the 64-token margin leaves no passage.
    assertThat(reply.sources).isEmpty();
    assertThat(small.requests.get(0).passages()).isEmpty();
  }
}
