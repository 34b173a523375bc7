package dev.lectern.domain.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParseNoteTest {
  @Test
  void everyNoteReadsBackFromItsLine() {
    List<ParseNote> notes =
        List.of(
            ParseNote.queued(),
            ParseNote.fetched("12 KB from handbook.pdf"),
            ParseNote.parsed(Duration.ofMillis(1230), "3 pages"),
            ParseNote.chunked("7 chunks"),
            ParseNote.indexed(Duration.ofMillis(50)),
            ParseNote.done(2.5),
            ParseNote.cancelled(),
            ParseNote.failed("the file is not a PDF [x]", false),
            ParseNote.failed("the file is not a PDF", true));
    for (ParseNote note : notes) {
      assertThat(ParseNote.read(note.line())).as(note.line()).hasValue(note);
    }
    assertThat(ParseNote.parsed(Duration.ofMillis(1234), "3 pages").line())
        .isEqualTo("[parsed 1.23 s] 3 pages");
    assertThat(ParseNote.queued().line()).isEqualTo("[queued]");
    // The line keeps hundredths of a second, rounded as the figure is written.
    assertThat(
            ParseNote.read(ParseNote.indexed(Duration.ofMillis(145)).line())
                .orElseThrow()
                .seconds())
        .isEqualTo(0.15);
  }

  @Test
  void aLineThatIsNoNoteIsNotReadAsOne() {
    for (String line :
        List.of(
            "Task has been received.",
            "[ERROR] broken",
            "[parsed] no time",
            "[queued 1.00 s] timed",
            "[unknown] x",
            "")) {
      assertThat(ParseNote.read(line)).as(line).isEmpty();
    }
  }
}
