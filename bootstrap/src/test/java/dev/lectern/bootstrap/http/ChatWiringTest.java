package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.BASE;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.textIngest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.application.port.in.answer.AnswerQuestionCommand;
import dev.lectern.application.port.in.answer.AnswerStream;
import dev.lectern.bootstrap.LlmConfig;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.assistant.ModelInfo;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.conversation.Conversation;
import dev.lectern.domain.conversation.Message;
import dev.lectern.domain.org.OrgSlug;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answer pipeline as the server wires it: built-in model, real stores, real retrieval. */
class ChatWiringTest {
  @TempDir Path dir;

  @Test
  void withNoModelConfiguredTheBuiltInOneAnswersFromIngestedText() {
    try (RunningLectern lectern = RunningLectern.start(dir)) {
      assertThat(lectern.wiring().chat().models().models())
          .extracting(ModelInfo::name, ModelInfo::builtIn)
          .containsExactly(tuple("extractive", true));
      assertThat(
              lectern
                  .post(
                      BASE + "ingest",
                      ADMIN,
                      textIngest(
                          "docs",
                          "handbook",
                          "Invoices are sent monthly. Refunds take five working days once they are"
                              + " approved. Support answers by e-mail.",
                          "{\"file_name\":\"handbook.txt\"}"))
                  .status())
          .isEqualTo(200);
      String org = lectern.stores().orgs().findBySlug(new OrgSlug("default")).orElseThrow().id();
      assistantWithConversation(lectern, org);
      List<String> deltas = new ArrayList<>();
      AnswerStream sink =
          new AnswerStream() {
            @Override
            public void onDelta(String text) {
              deltas.add(text);
            }

            @Override
            public void onComplete(Answer answer) {}
          };

      Answer answer = askRefunds(lectern, org, sink);

      assertThat(answer.text())
          .isEqualTo("Refunds take five working days once they are approved. [1]");
      assertThat(String.join("", deltas)).isEqualTo(answer.text());
      assertThat(answer.references())
          .extracting(r -> r.documentName())
          .containsExactly("handbook.txt");
      List<Message> stored = lectern.stores().conversations().messages(org, "s1");
      assertThat(stored)
          .extracting(Message::content)
          .containsExactly("How long do refunds take?", answer.text());
    }
  }

  @Test
  void aBaseUrlChoosesTheOpenAiCompatibleModel(@TempDir Path other) {
    LlmConfig usual = LlmConfig.at("http://127.0.0.1:11434", "llama3", null);
    LlmConfig llm =
        new LlmConfig(
            usual.baseUrl(),
            usual.model(),
            null,
            LlmConfig.NamedModel.parse(
                "big=qwen2.5:72b@http://10.0.0.5:8000/v1", name -> "key-" + name),
            32_768,
            Duration.ofSeconds(5),
            Duration.ofSeconds(30));
    try (RunningLectern lectern = RunningLectern.start(other, config -> config.llm(llm))) {
      assertThat(lectern.wiring().chat().models().models())
          .extracting(ModelInfo::name, ModelInfo::upstreamModel, ModelInfo::builtIn)
          .containsExactly(
              tuple("llama3", "llama3", false),
              tuple("big", "qwen2.5:72b", false),
              tuple("extractive", "extractive", true));
      assertThat(lectern.wiring().chat().models().defaultModel().contextTokens()).isEqualTo(32_768);
    }
  }

  /** The answer {@code sink} is given, which it is also told. */
  static Answer askRefunds(RunningLectern lectern, String org, AnswerStream sink) {
    Answer[] done = new Answer[1];
    lectern
        .wiring()
        .chat()
        .answers()
        .answer(
            new AnswerQuestionCommand(
                org, "a1", "s1", null, "How long do refunds take?", null, null),
            new AnswerStream() {
              @Override
              public void onDelta(String text) {
                sink.onDelta(text);
              }

              @Override
              public boolean cancelled() {
                return sink.cancelled();
              }

              @Override
              public void onComplete(Answer answer) {
                done[0] = answer;
                sink.onComplete(answer);
              }
            });
    return done[0];
  }

  /** Assistant {@code a1} over collection {@code docs}, with conversation {@code s1}. */
  static void assistantWithConversation(RunningLectern lectern, String org) {
    Instant now = Instant.now();
    lectern
        .stores()
        .assistants()
        .insert(Assistant.create(org, "a1", "Support", List.of(new CollectionId("docs")), now));
    lectern
        .stores()
        .conversations()
        .create(new Conversation(org, "s1", "a1", "New conversation", null, now, now), List.of());
  }

  @Test
  void aTurnCutMidStreamIsAConsistentTreeAfterARestart(@TempDir Path data) {
    String org;
    try (RunningLectern lectern = RunningLectern.start(data)) {
      lectern.post(
          BASE + "ingest",
          ADMIN,
          textIngest(
              "docs",
              "handbook",
              "Refunds take five working days once they are approved by the billing team.",
              "{\"file_name\":\"handbook.txt\"}"));
      org = lectern.stores().orgs().findBySlug(new OrgSlug("default")).orElseThrow().id();
      assistantWithConversation(lectern, org);
      List<String> shown = new ArrayList<>();
      AnswerStream leaving =
          new AnswerStream() {
            @Override
            public void onDelta(String text) {
              shown.add(text);
            }

            @Override
            public boolean cancelled() {
              return shown.size() >= 3;
            }

            @Override
            public void onComplete(Answer answer) {}
          };

      Answer cut = askRefunds(lectern, org, leaving);

      assertThat(cut.text()).isEqualTo(String.join("", shown));
    }

    try (RunningLectern restarted = RunningLectern.start(data)) {
      List<Message> stored = restarted.stores().conversations().messages(org, "s1");
      assertThat(stored).hasSize(2);
      Message question = stored.get(0);
      Message answer = stored.get(1);
      assertThat(question.parentId()).isNull();
      assertThat(question.content()).isEqualTo("How long do refunds take?");
      assertThat(answer.parentId()).isEqualTo(question.id());
      assertThat(answer.complete()).isFalse();
      assertThat(answer.content()).isEqualTo("Refunds take five ");
      assertThat(answer.references())
          .extracting(r -> r.documentName())
          .containsExactly("handbook.txt");
    }
  }
}
