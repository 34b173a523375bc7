package dev.lectern.domain.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowTest {
  static final FlowStep.Begin BEGIN = new FlowStep.Begin("begin", "", "Hi", Map.of());
  static final FlowStep.Retrieve RETRIEVE =
      new FlowStep.Retrieve("find", "", List.of("d1"), null, null, null);
  static final FlowStep.Generate GENERATE =
      new FlowStep.Generate(
          "ask",
          "",
          "",
          Template.EMPTY,
          new Template(List.of(Template.Slot.QUESTION)),
          null,
          null,
          null,
          true,
          false);
  static final FlowStep.Message MESSAGE =
      new FlowStep.Message("say", "", List.of(new Template(List.of(Template.Slot.ANSWER))));

  @Test
  void aFlowBeginsRetrievesAtMostOnceAsksAtMostOnceAndEndsWithAMessage() {
    Flow full = new Flow(List.of(BEGIN, RETRIEVE, GENERATE, MESSAGE), Map.of());
    assertThat(full.begin()).isEqualTo(BEGIN);
    assertThat(full.retrieve()).hasValue(RETRIEVE);
    assertThat(full.generate()).hasValue(GENERATE);
    assertThat(full.message()).isEqualTo(MESSAGE);

    Flow bare = new Flow(List.of(BEGIN, MESSAGE), Map.of());
    assertThat(bare.retrieve()).isEmpty();
    assertThat(bare.generate()).isEmpty();
  }

  @Test
  void stepsOutOfOrderOrTwiceAreNotAFlow() {
    for (List<FlowStep> steps :
        List.<List<FlowStep>>of(
            List.of(BEGIN),
            List.of(MESSAGE, BEGIN),
            List.of(BEGIN, GENERATE, RETRIEVE, MESSAGE),
            List.of(BEGIN, RETRIEVE, RETRIEVE, MESSAGE),
            List.of(BEGIN, GENERATE, GENERATE, MESSAGE),
            List.of(BEGIN, BEGIN, MESSAGE),
            List.of(BEGIN, MESSAGE, MESSAGE))) {
      assertThatThrownBy(() -> new Flow(steps, Map.of()))
          .as("%s", steps)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aMessageNeedsATemplate() {
    assertThatThrownBy(() -> new FlowStep.Message("say", "", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
