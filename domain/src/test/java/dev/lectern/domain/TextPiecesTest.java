package dev.lectern.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.domain.chunk.TextPieces;
import dev.lectern.domain.chunk.TextPieces.QaPair;
import org.junit.jupiter.api.Test;

class TextPiecesTest {
  @Test
  void splitsAfterEachDelimiterCharacterAndBacktickedStrings() {
    assertThat(TextPieces.split("a.b!c\nd", ".!")).containsExactly("a.", "b!", "c\nd");
    assertThat(TextPieces.split("one##two##three", "`##`"))
        .containsExactly("one##", "two##", "three");
    assertThat(TextPieces.split("x\ny\n\nz", "\\n")).containsExactly("x\n", "y\n", "z");
  }

  @Test
  void tableRowsNameEachCellByItsHeader() {
    String text = "Intro\n\n| name | price |\n| --- | --- |\n| tea | 3 |\n| a \\| b | 4 |\n\nEnd";
    assertThat(TextPieces.tableRows(text))
        .containsExactly("name: tea; price: 3", "name: a | b; price: 4");
  }

  @Test
  void qaPairsComeFromTablesOrFromQuestionAndAnswerLines() {
    assertThat(TextPieces.qaPairs("| Question | Answer |\n| --- | --- |\n| Why? | Because. |"))
        .containsExactly(new QaPair("Why?", "Because."));
    assertThat(
            TextPieces.qaPairs(
                "Q: What is it?\nA: A tool.\nIt helps.\n\nQuestion: Who?\nAnswer: Us."))
        .containsExactly(
            new QaPair("What is it?", "A tool.\nIt helps."), new QaPair("Who?", "Us."));
    assertThat(new QaPair("q", "a").text()).isEqualTo("Question: q\tAnswer: a");
  }
}
