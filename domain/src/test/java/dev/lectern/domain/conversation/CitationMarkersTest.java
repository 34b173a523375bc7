package dev.lectern.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationMarkersTest {
  static final CitationMarkers.Form NUMBERED = (n, space, written) -> space + "<" + n + ">";

  static String streamed(CitationMarkers markers, String... pieces) {
    List<String> out = new ArrayList<>();
    for (String piece : pieces) {
      out.add(markers.next(piece));
    }
    out.add(markers.rest());
    return String.join("|", out);
  }

  @Test
  void aMarkerCutBetweenPiecesWaitsForTheRestOfIt() {
    CitationMarkers markers = new CitationMarkers(NUMBERED, false);

    assertThat(streamed(markers, "Five days [", "1", "2] and [3", "]."))
        .isEqualTo("Five days ||<12> and |<3>.|");
  }

  @Test
  void markersUpToFourDigitsAreMarkersAndLongerOnesText() {
    CitationMarkers markers = new CitationMarkers(NUMBERED, false);

    assertThat(markers.all("a [1234] b [12345] c [] d [x]"))
        .isEqualTo("a <1234> b [12345] c [] d [x]");
  }

  @Test
  void aMarkerThatTakesItsSpaceHoldsBackATrailingSpace() {
    CitationMarkers dropped = new CitationMarkers((n, space, written) -> "", true);

    assertThat(streamed(dropped, "Five days ", "[1].", " More ", "text"))
        .isEqualTo("Five days|.| More| text|");
    assertThat(dropped.all("Kept [0] and [2]")).isEqualTo("Kept and");
  }

  @Test
  void theFormSeesWhatWasWritten() {
    CitationMarkers kept = new CitationMarkers((n, space, written) -> n > 2 ? written : "#", false);

    assertThat(kept.all("[1] [3]")).isEqualTo("# [3]");
  }
}
