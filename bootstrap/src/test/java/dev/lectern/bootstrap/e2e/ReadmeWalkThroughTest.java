package dev.lectern.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.bootstrap.e2e.ReadmeWalkThrough.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadmeWalkThroughTest {
  static final String README =
      """
      # Title

      ```sh
      echo outside   # not part of the walk-through
      ```

      <!-- walk-through -->
      ```sh
      A=1
      curl -s localhost:8080/health
      # {"status":"ok"}
      echo "two
      lines"
      # two
      # lines
      ```

      ```text
      HTTP 503 not run
      ```

      ```sh
      # a comment before any command is no output
      cp a b
      ```
      <!-- /walk-through -->
      """;

  @Test
  void stepsAreTheCommandsOfTheSectionWithTheOutputShownUnderThem() {
    List<Step> steps = ReadmeWalkThrough.steps(README);

    assertThat(steps)
        .extracting(Step::code)
        .containsExactly(
            "A=1\ncurl -s localhost:8080/health\n", "echo \"two\nlines\"\n", "cp a b\n");
    assertThat(steps)
        .extracting(Step::shown)
        .containsExactly("{\"status\":\"ok\"}", "two\nlines", null);
    assertThat(steps.get(0).line()).isEqualTo(9);
  }

  @Test
  void outputMatchesWithEllipsesAsAnyTextAndLineBreaksIgnored() {
    Step step = new Step(1, "x", "{\"id\":\"…\",\"name\":\"a\",\n  \"more\":…}");

    assertThat(step.matches("{\"id\":\"42\",\"name\":\"a\",\"more\":[1,2]}")).isTrue();
    assertThat(step.matches("{\"id\":\"42\",\n\"name\":\"a\",\"more\":{}}\n")).isTrue();
    assertThat(step.matches("{\"id\":\"42\",\"name\":\"b\",\"more\":[]}")).isFalse();
    assertThat(step.matches("{\"id\":\"42\",\"name\":\"a\"}")).isFalse();
    assertThat(new Step(1, "x", "a.b (c)").matches("a.b (c)")).isTrue();
    assertThat(new Step(1, "x", "a.b (c)").matches("axb (c)")).isFalse();
  }

  @Test
  void aReadmeWithoutTheSectionIsRefused() {
    assertThatThrownBy(() -> ReadmeWalkThrough.steps("# nothing here"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("walk-through");
  }
}
