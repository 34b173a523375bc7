package dev.lectern.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.conversation.ModelMessage;
import dev.lectern.domain.conversation.ModelSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCountsTest {
  private static ModelRequest request(List<ModelMessage> messages) {
    return new ModelRequest(
        null, "Answer briefly.", messages, ModelSettings.DEFAULTS, List.of(), null);
  }

  @Test
  void aBoundedCountIsExactWhenTheRequestFits() {
    ModelRequest request =
        request(
            List.of(
                ModelMessage.user("How long do refunds take?"),
                ModelMessage.assistant("Five days."),
                ModelMessage.user("And exchanges? " + "word ".repeat(20_000))));

    assertThat(TokenCounts.of(request, 1_000_000)).isEqualTo(TokenCounts.of(request));
    assertThat(TokenCounts.of(request, TokenCounts.of(request))).isEqualTo(TokenCounts.of(request));
  }

  @Test
  void aRequestFarPastTheBoundIsNotCountedWhole() {
    List<ModelMessage> messages = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      messages.add(
          ModelMessage.user("a fairly ordinary sentence number " + i + ". ".repeat(30_000)));
    }
    ModelRequest huge = request(messages);

    int bounded = TokenCounts.of(huge, 4096);

    assertThat(bounded).isGreaterThan(4096);
    // Counting stops within a message or two of the bound, not at the end of 60 MB of text.
    assertThat(bounded).isLessThan(4096 + 2 * 64 * 1024);
  }
}
