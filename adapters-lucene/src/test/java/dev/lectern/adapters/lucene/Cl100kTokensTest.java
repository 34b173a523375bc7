package dev.lectern.adapters.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Cl100kTokensTest {
  private static final Encoding CL100K =
      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

  @Test
  void runsOfSpacesCountWithPeriod128() {
    StringBuilder run = new StringBuilder();
    for (int n = 1; n <= 1500; n++) {
      run.append(' ');
      assertThat(Cl100kTokens.spaces(n)).as("%d spaces", n).isEqualTo(plain(run.toString()));
    }
    Random random = new Random(5);
    for (int i = 0; i < 40; i++) {
      int n = 1500 + random.nextInt(60_000);
      assertThat(Cl100kTokens.spaces(n)).as("%d spaces", n).isEqualTo(plain(" ".repeat(n)));
    }
  }

  @Test
  void aTextStartingWithALongIndentCountsAsTheLibraryCountsIt() {
    String[] rests = {"- item 5\n", "word", "5 apples", "'s", "\u0301x", "🙂", ".", "中文"};
    for (int n : new int[] {64, 65, 127, 128, 129, 300, 4097, 9000}) {
      for (String rest : rests) {
        String text = " ".repeat(n) + rest;
        assertThat(Cl100kTokens.count(text)).as("%d spaces + %s", n, rest).isEqualTo(plain(text));
        int exact = plain(text);
        assertThat(Cl100kTokens.countWithin(text, exact)).isEqualTo(exact);
        assertThat(Cl100kTokens.countWithin(text, exact - 1)).isEqualTo(-1);
      }
    }
  }

  @Test
  void countWithinIsExactUpToTheBudgetAndRefusesBeyond() {
    String text = "The quick brown fox jumps over the lazy dog. ".repeat(400);
    int exact = plain(text);
    assertThat(Cl100kTokens.countWithin(text, exact)).isEqualTo(exact);
    assertThat(Cl100kTokens.countWithin(text, exact - 1)).isEqualTo(-1);
    assertThat(Cl100kTokens.countWithin(text, 10)).isEqualTo(-1);
    assertThat(Cl100kTokens.countWithin("a🙂", 1)).as("cut back to whole characters").isEqualTo(-1);
  }

  @Test
  void aJoinAtALineBreakIsCleanUnlessWhiteSpaceWithABreakFollows() {
    assertThat(Cl100kTokens.joinsCleanly("one\n", "two")).isTrue();
    assertThat(Cl100kTokens.joinsCleanly("one\n", "    - two")).isTrue();
    assertThat(Cl100kTokens.joinsCleanly("one\n", "\ntwo")).isFalse();
    assertThat(Cl100kTokens.joinsCleanly("one\n", "  \ntwo")).isFalse();
    assertThat(Cl100kTokens.joinsCleanly("one ", "two")).isFalse();
    assertThat(Cl100kTokens.joinsCleanly("one\n", "\u00a0two")).isFalse();
  }

  private static int plain(String text) {
    return CL100K.countTokensOrdinary(text);
  }
}
