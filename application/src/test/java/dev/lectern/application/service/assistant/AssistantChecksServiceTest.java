package dev.lectern.application.service.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.fakes.InMemoryAssistantStore;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.assistant.ModelInfo;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssistantChecksServiceTest {
  final InMemoryAssistantStore assistants = new InMemoryAssistantStore();
  final AssistantChecksService checks =
      new AssistantChecksService(
          assistants, () -> List.of(new ModelInfo("extractive", "extractive", true, 8192, false)));

  @Test
  void aNameIsTakenWhateverItsCaseButNotByTheAssistantItself() {
    assistants.insert(Assistant.create("org1", "a1", "Support", List.of(), Instant.EPOCH));

    assertThat(checks.nameTaken("org1", " SUPPORT ", null)).isTrue();
    assertThat(checks.nameTaken("org1", "support", "a1")).isFalse();
    assertThat(checks.nameTaken("org1", "Sales", null)).isFalse();
    assertThat(checks.nameTaken("org2", "Support", null)).as("another org's").isFalse();
  }

  @Test
  void onlyAServedModelExistsAndNoNameIsNoModel() {
    assertThat(checks.modelExists("extractive")).isTrue();
    assertThat(checks.modelExists("gpt-4o")).isFalse();
    assertThat(checks.modelExists(null)).isFalse();
  }
}
