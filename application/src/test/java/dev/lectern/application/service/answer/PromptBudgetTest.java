package dev.lectern.application.service.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.application.error.PayloadTooLarge;
import dev.lectern.application.fakes.ScriptedLanguageModel;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.ModelSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptBudgetTest {
  /** One token per word (the scripted model's count), a reply of at most one token. */
  static ModelRequest conversation() {
    return new ModelRequest(
        null,
        null,
        List.of(
            ModelMessage.assistant("Hi!"),
            ModelMessage.user("one two"),
            ModelMessage.assistant("three four"),
            ModelMessage.user("five")),
        new ModelSettings(null, null, 1, null, null, null),
        null,
        null,
        null);
  }

  static PromptBudget budget(int window) {
    ScriptedLanguageModel model = new ScriptedLanguageModel().withContext(window);
    return new PromptBudget(model, model);
  }

  @Test
  void aConversationThatFitsIsLeftWholeEvenOpeningWithTheAssistant() {
    assertThat(budget(7).fit(conversation()).messages()).hasSize(4);
  }

  @Test
  void theOldestMessagesGoFirstAndACutHistoryStartsWithTheUser() {
    assertThat(budget(5).fit(conversation()).messages())
        .extracting(ModelMessage::text)
        .containsExactly("five");
    assertThat(budget(6).fit(conversation()).messages())
        .extracting(ModelMessage::text)
        .containsExactly("one two", "three four", "five");
  }

  @Test
  void whatCannotFitIsRefusedNamingIt() {
    assertThatThrownBy(() -> budget(1).fit(conversation()))
        .isInstanceOf(PayloadTooLarge.class)
        .hasMessageStartingWith("max_tokens: 1 is more than the 1 tokens");
    assertThatThrownBy(() -> budget(1).check(conversation())).isInstanceOf(PayloadTooLarge.class);
    assertThat(budget(100).roomForPassages(conversation(), 6000)).isEqualTo(100 - 1 - 6 - 64);
    assertThat(budget(20).roomForPassages(conversation(), 6000)).isZero();
  }
}
