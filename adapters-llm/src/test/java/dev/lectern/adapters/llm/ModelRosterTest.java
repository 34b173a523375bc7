package dev.lectern.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.adapters.llm.extractive.ExtractiveLanguageModel;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.assistant.ModelInfo;
import dev.lectern.domain.conversation.ModelMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelRosterTest {
  final ModelRoster roster =
      new ModelRoster()
          .add(new ModelInfo("first", "first", true, 4096, false), new ExtractiveLanguageModel())
          .add(new ModelInfo("second", "second", true, 8192, false), new ExtractiveLanguageModel());

  static ModelRequest asking(String model) {
    return new ModelRequest(model, null, List.of(ModelMessage.user("Hi")), null, null, null);
  }

  @Test
  void aNameOrNoneResolvesToAConfiguredModel() {
    assertThat(roster.resolve(null).name()).isEqualTo("first");
    assertThat(roster.resolve("second").contextTokens()).isEqualTo(8192);
    assertThat(roster.complete(asking("second")).text()).isNotEmpty();
  }

  @Test
  void aNameNobodyConfiguredIsRefusedByTheOneRuleNamingTheField() {
    assertThatThrownBy(() -> roster.resolve("gpt-9"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("model: no model named 'gpt-9' is configured; use one of first, second")
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).contains("model"));
    assertThatThrownBy(() -> roster.complete(asking("gpt-9"))).isInstanceOf(InvalidRequest.class);
  }
}
