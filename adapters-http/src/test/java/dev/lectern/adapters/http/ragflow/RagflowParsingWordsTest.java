package dev.lectern.adapters.http.ragflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.domain.artifact.ParseNote;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RagflowParsingWordsTest {
  @Test
  void aParseLogIsToldInRagflowsWords() {
    String log =
        String.join(
            "\n",
            ParseNote.queued().line(),
            ParseNote.fetched("12 KB").line(),
            ParseNote.parsed(Duration.ofMillis(1500), "3 pages").line(),
            ParseNote.chunked("7 chunks").line(),
            ParseNote.indexed(Duration.ofMillis(145)).line(),
            ParseNote.failed("timeout", false).line(),
            ParseNote.failed("broken.pdf is not a PDF", true).line(),
            ParseNote.cancelled().line(),
            ParseNote.done(2.5).line());

    assertThat(RagflowParsingWords.progress(log).split("\n"))
        .containsExactly(
            "Task has been received.",
            "Start to parse: 12 KB.",
            "Parsing finished (1.50 s): 3 pages.",
            "Generate 7 chunks.",
            "Indexing done (0.15 s).",
            "[WARNING] retrying: timeout",
            "[ERROR] broken.pdf is not a PDF",
            "Task has been cancelled.",
            "Task done (2.50 s)");
  }

  @Test
  void linesWrittenBeforeNotesAreShownAsTheyAre() {
    assertThat(RagflowParsingWords.progress("Task has been received.\n[queued]"))
        .isEqualTo("Task has been received.\nTask has been received.");
    assertThat(RagflowParsingWords.progress("")).isEmpty();
  }
}
