package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.BASE;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.textIngest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.application.port.in.answer.AnswerQuestionCommand;
import dev.lectern.application.port.in.answer.AnswerSink;
import dev.lectern.application.port.out.ModelInfo;
import dev.lectern.bootstrap.LecternConfig;
import dev.lectern.domain.assistant.Assistant;
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
      Instant now = Instant.now();
      lectern
          .stores()
          .assistants()
          .insert(Assistant.create(org, "a1", "Support", List.of(new CollectionId("docs")), now));
      lectern
          .stores()
          .conversations()
          .create(new Conversation(org, "s1", "a1", "New conversation", null, now, now), List.of());
      List<String> deltas = new ArrayList<>();
      AnswerSink sink =
          new AnswerSink() {
            @Override
            public void onDelta(String text) {
              deltas.add(text);
            }

            @Override
            public void onComplete(Answer answer) {}
          };

      Answer answer =
          lectern
              .wiring()
              .chat()
              .answers()
              .answer(
                  new AnswerQuestionCommand(
                      org, "a1", "s1", null, "How long do refunds take?", null, null),
                  sink);

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
    LecternConfig.Llm usual = LecternConfig.Llm.at("http://127.0.0.1:11434", "llama3", null);
    LecternConfig.Llm llm =
        new LecternConfig.Llm(
            usual.baseUrl(),
            usual.model(),
            null,
            LecternConfig.NamedModel.parse(
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
}
