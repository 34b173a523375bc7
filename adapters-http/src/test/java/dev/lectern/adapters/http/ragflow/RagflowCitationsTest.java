package dev.lectern.adapters.http.ragflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RagflowCitationsTest {
  @Test
  void markersCountFromZeroAsRagflowsIds() {
    assertThat(RagflowCitations.rewrite("Five days. [1] Free parking [2][3].", true))
        .isEqualTo("Five days. [ID:0] Free parking [ID:1][ID:2].");
  }

  @Test
  void aChatThatDoesNotQuoteShowsNoMarkers() {
    assertThat(RagflowCitations.rewrite("Five days. [1] Free parking [2].", false))
        .isEqualTo("Five days. Free parking.");
  }

  @Test
  void aMarkerCutBetweenPiecesIsRewrittenWhole() {
    RagflowCitations stream = new RagflowCitations(true);
    StringBuilder out = new StringBuilder();
    for (String piece : new String[] {"Five ", "days. [", "1", "2] and ", "[3", "]"}) {
      out.append(stream.next(piece));
    }
    out.append(stream.rest());

    assertThat(out.toString()).isEqualTo("Five days. [ID:11] and [ID:2]");
  }

  @Test
  void textThatOnlyLooksLikeAMarkerStartGoesOnAtTheEnd() {
    RagflowCitations stream = new RagflowCitations(false);

    assertThat(stream.next("see [")).isEqualTo("see");
    assertThat(stream.rest()).isEqualTo(" [");
  }

  @Test
  void aMarkerThatNamesNoPassageIsDropped() {
    assertThat(RagflowCitations.rewrite("Five days [0].", true)).isEqualTo("Five days.");
  }
}
