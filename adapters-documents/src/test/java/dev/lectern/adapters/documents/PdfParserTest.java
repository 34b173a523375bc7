package dev.lectern.adapters.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PdfParserTest {
  @Test
  void spacesBeforeLineBreaksAreDroppedAndOthersKept() {
    assertThat(PdfParser.trimLineEnds("a  \nb\t\n  c  d \n\n e  "))
        .isEqualTo("a\nb\n  c  d\n\n e  ");
  }

  /** A backtracking pattern needs hours for this; one pass takes milliseconds. */
  @Test
  @Timeout(60)
  void aMillionSpacesWithoutABreakAreKept() {
    String spaces = " ".repeat(1_000_000) + "x";
    assertThat(PdfParser.trimLineEnds(spaces)).isEqualTo(spaces);
  }
}
