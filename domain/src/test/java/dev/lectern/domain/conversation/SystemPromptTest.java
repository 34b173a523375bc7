package dev.lectern.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SystemPromptTest {
  static final List<Reference> ONE =
      List.of(new Reference("c", "docs", "a", "a.txt", 0.5, "Alpha."));

  @Test
  void passagesGoWhereTheTextPlacesThem() {
    SystemPrompt prompt = new SystemPrompt(PassageText.marked("Use {k} and {k}.", "{k}"), null, "");

    assertThat(prompt.render(ONE))
        .isEqualTo("Use [1] a.txt\nAlpha.\n\n and [1] a.txt\nAlpha.\n\n.");
    assertThat(prompt.render(List.of())).isEqualTo("Use  and .");
    assertThat(prompt.shows(ONE)).isTrue();
    assertThat(SystemPrompt.plain("No places.").shows(ONE)).isFalse();
  }

  @Test
  void appendedPassagesFollowTheClientsPromptOnlyWhenThereAreAny() {
    SystemPrompt prompt = new SystemPrompt(PassageText.of("Be brief."), "Passages:", "");

    assertThat(prompt.render(ONE)).isEqualTo("Be brief.\n\nPassages:\n\n[1] a.txt\nAlpha.\n\n");
    assertThat(prompt.render(List.of())).isEqualTo("Be brief.");
    assertThat(new SystemPrompt(null, "Passages:", "").render(ONE))
        .isEqualTo("Passages:\n\n[1] a.txt\nAlpha.\n\n");
    assertThat(new SystemPrompt(null, "Passages:", "").render(List.of())).isNull();
  }

  @Test
  void theClientsInstructionsComeLast() {
    assertThat(new SystemPrompt(PassageText.of("You help."), null, "Say hi.").render(ONE))
        .isEqualTo("You help.\n\nSay hi.");
    assertThat(new SystemPrompt(PassageText.of(""), null, "Say hi.").render(ONE))
        .isEqualTo("Say hi.");
    assertThat(SystemPrompt.plain(null).render(ONE)).isNull();
  }

  @Test
  void aMarkerTheTextDoesNotHoldLeavesItWhole() {
    assertThat(PassageText.marked("No place.", "{k}").showsPassages()).isFalse();
    assertThat(PassageText.marked("{k}", "{k}").pieces()).containsExactly("", "");
  }
}
