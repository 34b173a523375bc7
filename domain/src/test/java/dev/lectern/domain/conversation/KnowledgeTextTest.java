package dev.lectern.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeTextTest {
  static Reference ref(String name, String text) {
    return new Reference("c", "docs", name, name, 0.5, text);
  }

  @Test
  void passagesAreNumberedAsAnswersCiteThem() {
    assertThat(KnowledgeText.format(List.of(ref("a.txt", "Alpha."), ref("b.pdf", "Beta."))))
        .isEqualTo("[1] a.txt\nAlpha.\n\n[2] b.pdf\nBeta.\n\n");
  }

  @Test
  void passagesThatDoNotFitAreLeftOutWholeFromTheEnd() {
    List<Reference> refs =
        List.of(ref("a", "x".repeat(10)), ref("b", "y".repeat(10)), ref("c", "z"));
    // One "token" per character, so that the budget is easy to see.
    int one = KnowledgeText.format(refs.subList(0, 1)).length();

    assertThat(KnowledgeText.fitting(refs, one, String::length)).isEqualTo(1);
    assertThat(KnowledgeText.fitting(refs, one - 1, String::length)).isZero();
    assertThat(KnowledgeText.fitting(refs, 10_000, String::length)).isEqualTo(3);
  }
}
