package dev.lectern.adapters.llm.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.adapters.llm.TokenCounts;
import dev.lectern.application.port.out.ModelDeltas;
import dev.lectern.application.port.out.ModelReply;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.conversation.FinishReason;
import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.ModelSettings;
import dev.lectern.domain.conversation.PassageText;
import dev.lectern.domain.conversation.Reference;
import dev.lectern.domain.conversation.SystemPrompt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveLanguageModelTest {
  static final Reference HANDBOOK =
      passage(
          "c1",
          "# Lectern Sample Handbook\n\nBilling\nInvoices are sent on the first working day of each"
              + " month. The billing dashboard shows every invoice and its payment status.\n\n"
              + "Refunds\nA refund is paid to the card or account that was charged. Refunds take five"
              + " working days once they are approved.");
  static final Reference SUPPORT =
      passage(
          "c2",
          "The support desk answers by e-mail every working day from 9:00 to 17:00. Urgent problems"
              + " are answered within two hours.");

  final ExtractiveLanguageModel model = new ExtractiveLanguageModel();

  static Reference passage(String chunkId, String text) {
    return new Reference(chunkId, "docs", "d-" + chunkId, chunkId + ".txt", 1.0, text);
  }

  static ModelRequest ask(String question, ModelSettings settings, Reference... passages) {
    return new ModelRequest(
        null,
        // The passages follow the prompt, as they do for a client's own prompt.
        new SystemPrompt(PassageText.of("You answer from the documents."), "Passages:", ""),
        List.of(
            ModelMessage.user("Where is the handbook?"),
            ModelMessage.assistant("Here."),
            ModelMessage.user(question)),
        settings,
        List.of(),
        null,
        List.of(passages));
  }

  @Test
  void theSentenceThatAnswersIsChosenOverEarlierOnesAndCited() {
    ModelReply reply = model.complete(ask("How long do refunds take?", null, SUPPORT, HANDBOOK));

    assertThat(reply.text())
        .startsWith("Refunds take five working days once they are approved. [2]")
        .doesNotContain("Invoices", "support desk");
    assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(reply.usage().output()).isEqualTo(TokenCounts.of(reply.text()));
    assertThat(reply.usage().input()).isGreaterThan(TokenCounts.of(HANDBOOK.snippet()));
  }

  @Test
  void sentencesOfSeveralPassagesAreQuotedWithTheirOwnCitation() {
    ModelReply reply =
        model.complete(
            ask("When are invoices sent and when does support answer?", null, HANDBOOK, SUPPORT));

    assertThat(reply.text())
        .contains("Invoices are sent on the first working day of each month. [1]")
        .contains("The support desk answers by e-mail every working day from 9:00 to 17:00. [2]");
  }

  @Test
  void theSameQuestionGetsTheSameAnswer() {
    ModelRequest request = ask("What does the billing dashboard show?", null, HANDBOOK, SUPPORT);

    assertThat(model.complete(request)).isEqualTo(model.complete(request));
    assertThat(model.complete(request).text())
        .startsWith("The billing dashboard shows every invoice and its payment status. [1]");
  }

  @Test
  void nothingRelevantIsSaidPlainlyWithTheReason() {
    assertThat(model.complete(ask("Who painted the Mona Lisa?", null, HANDBOOK)).text())
        .isEqualTo(ExtractiveLanguageModel.NOTHING_FOUND)
        .contains("found nothing", "No language model is configured");
    assertThat(model.complete(ask("How long do refunds take?", null)).text())
        .isEqualTo(ExtractiveLanguageModel.NOTHING_FOUND);
  }

  @Test
  void itStreamsWordByWordTheSameText() {
    List<String> pieces = new ArrayList<>();
    ModelReply reply = model.stream(ask("How long do refunds take?", null, HANDBOOK), pieces::add);

    assertThat(pieces.size()).isGreaterThan(5);
    assertThat(String.join("", pieces)).isEqualTo(reply.text());
    assertThat(pieces).allSatisfy(piece -> assertThat(piece.strip()).doesNotContain(" "));
  }

  @Test
  void theTokenLimitCutsTheAnswer() {
    ModelSettings limited = new ModelSettings(null, null, 5, null, null, null);
    ModelReply reply = model.complete(ask("How long do refunds take?", limited, HANDBOOK));

    assertThat(reply.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(reply.usage().output()).isLessThanOrEqualTo(5).isPositive();
    assertThat("Refunds take five working days once they are approved. [1]")
        .startsWith(reply.text());
  }

  @Test
  void aStopSequenceEndsTheAnswer() {
    ModelSettings stop = new ModelSettings(null, null, null, List.of("five"), null, null);

    assertThat(model.complete(ask("How long do refunds take?", stop, HANDBOOK)).text())
        .isEqualTo("Refunds take");
  }

  @Test
  void aClientThatWentAwayStopsTheStream() {
    List<String> pieces = new ArrayList<>();
    ModelDeltas twoWords =
        new ModelDeltas() {
          @Override
          public void text(String delta) {
            pieces.add(delta);
          }

          @Override
          public boolean cancelled() {
            return pieces.size() >= 2;
          }
        };

    ModelReply reply = model.stream(ask("How long do refunds take?", null, HANDBOOK), twoWords);

    assertThat(reply.finishReason()).isEqualTo(FinishReason.CANCELLED);
    assertThat(reply.text()).isEqualTo("Refunds take ");
  }

  @Test
  void inflectedWordsMatchTheirStem() {
    assertThat(Terms.of("Refunds refunded refunding the refund"))
        .containsExactly("refund", "refund", "refund", "refund");
    assertThat(Terms.of("退款需要五天")).containsExactly("退款", "款需", "需要", "要五", "五天");
  }

  @Test
  void aHeadingIsNeverQuotedSoTheAnswerIsItsSentencesOnly() {
    ModelReply reply = model.complete(ask("How long do refunds take?", null, SUPPORT, HANDBOOK));

    assertThat(reply.text())
        .isEqualTo("Refunds take five working days once they are approved. [2]");
  }

  @Test
  void headingsAndFragmentsAreNoSentencesButAnUnpunctuatedStatementIs() {
    Reference page =
        passage(
            "c3",
            "## Refunds and refund times\nRefund Policy Overview\nRefunds\nRefund times:\n"
                + "Chapter 3\n2.4.1 Refund Policy\n1. Introduction\nLectern 2.4 Release Notes\n"
                + "| Plan name | Monthly price | Seats included |\n|---|:---:|---|\n"
                + "| Card refund | five working days | - |\n"
                + "| Refund | Days |\n| Bank transfer | 10 |\n"
                + "- Refunds reach the card within five working days\n"
                + "See the table. Refund Times\n"
                + "退款政策\n退款在批准后五个工作日内到账。");

    assertThat(Sentences.of(page.snippet()))
        .containsExactly(
            "Card refund; five working days; -",
            "Bank transfer; 10",
            "Refunds reach the card within five working days",
            "See the table.",
            "退款在批准后五个工作日内到账。");
  }

  @Test
  void linesOfDataAreQuotedHoweverShort() {
    String data =
        "Plan: Basic; Price: $10\nName: Alice Smith; Role: Support Lead\n"
            + "Question: Where is the head office?\tAnswer: Berlin\nRefunds: 5 days\n"
            + "Срок: пять дней\nSupport: support@example.com\nRefunds take 5 days\n"
            + " | Card | five days\nPage 3 of 10";

    assertThat(Sentences.of(data))
        .containsExactly(
            "Plan: Basic; Price: $10",
            "Name: Alice Smith; Role: Support Lead",
            "Question: Where is the head office? Answer: Berlin",
            "Refunds: 5 days",
            "Срок: пять дней",
            "Support: support@example.com",
            "Refunds take 5 days",
            "Card; five days",
            "Page 3 of 10");
    assertThat(
            model
                .complete(
                    ask(
                        "Where is the head office?",
                        null,
                        passage("c4", "Question: Where is the head office?\tAnswer: Berlin")))
                .text())
        .isEqualTo("Question: Where is the head office? Answer: Berlin [1]");
  }

  @Test
  void aTabEndsASentenceUnlessItJoinsAQuestionToItsAnswer() {
    assertThat(Sentences.of("Refunds take five days.\tInvoices are sent monthly."))
        .containsExactly("Refunds take five days.", "Invoices are sent monthly.");
  }
}
