package dev.lectern.adapters.http.ragflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.adapters.http.ragflow.RagflowErrorRenderer.Failure;
import dev.lectern.application.error.Conflict;
import dev.lectern.application.error.Internal;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.error.Reason;
import dev.lectern.application.error.Unauthenticated;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RagflowErrorRendererTest {
  static int code(LecternException error) {
    return RagflowErrorRenderer.translate(error).code();
  }

  @Test
  void eachReasonHasRagflowsCode() {
    Map<LecternException, Integer> codes =
        Map.ofEntries(
            Map.entry(RagflowErrors.argument("a"), 101),
            Map.entry(RagflowErrors.data("b"), 102),
            Map.entry(RagflowErrors.missing("c"), 101),
            Map.entry(RagflowErrors.incomplete("d"), 101),
            Map.entry(RagflowErrors.noCredentials("e"), 0),
            Map.entry(RagflowErrors.unreadable("f"), 100),
            Map.entry(RagflowErrors.notOwner("g"), 103),
            Map.entry(RagflowErrors.noPermission("h"), 108),
            Map.entry(RagflowErrors.incompatible("i"), 109),
            Map.entry(RagflowErrors.unprocessable("j"), 500),
            Map.entry(RagflowErrors.unknownChunk("k"), 1001),
            Map.entry(RagflowErrors.notStored("l", null), 1002));
    EnumSet<Reason> seen = EnumSet.of(Reason.UNSPECIFIED);
    codes.forEach(
        (error, code) -> {
          assertThat(code(error)).as(error.getMessage()).isEqualTo(code);
          assertThat(RagflowErrorRenderer.translate(error).message()).isEqualTo(error.getMessage());
          seen.add(error.reason());
        });
    Failure busy =
        RagflowErrorRenderer.translate(new Conflict("being parsed", null).because(Reason.BUSY));
    assertThat(busy).isEqualTo(new Failure(102, RagflowParsingWords.BUSY, Failure.Data.NONE));
    Failure running =
        RagflowErrorRenderer.translate(
            new Conflict("cannot stop", null).because(Reason.NOT_STOPPABLE));
    assertThat(running.message()).isEqualTo(RagflowParsingWords.NOT_STOPPABLE);
    seen.add(Reason.BUSY);
    seen.add(Reason.NOT_STOPPABLE);
    assertThat(seen).as("every reason has a case").containsAll(EnumSet.allOf(Reason.class));
  }

  @Test
  void missingValuesCarryDataFalseAndMissingArgumentsDataNull() {
    assertThat(RagflowErrorRenderer.translate(RagflowErrors.missing("No title in request.")).data())
        .isEqualTo(Failure.Data.FALSE);
    assertThat(RagflowErrorRenderer.translate(RagflowErrors.noCredentials("x")).data())
        .isEqualTo(Failure.Data.FALSE);
    assertThat(RagflowErrorRenderer.translate(RagflowErrors.incomplete("x")).data())
        .isEqualTo(Failure.Data.NULL);
    assertThat(RagflowErrorRenderer.translate(RagflowErrors.data("x")).data())
        .isEqualTo(Failure.Data.NONE);
  }

  @Test
  void withoutAReasonTheKindDecides() {
    assertThat(code(new InvalidRequest("bad"))).isEqualTo(101);
    assertThat(code(new NotFound("gone"))).isEqualTo(102);
    Failure key = RagflowErrorRenderer.translate(new Unauthenticated("no such token"));
    assertThat(key.code()).isEqualTo(109);
    assertThat(key.message()).isEqualTo(RagflowErrorRenderer.INVALID_KEY);
    Internal fault = new Internal("disk at /var/x failed", null);
    assertThat(RagflowErrorRenderer.translate(fault).message())
        .doesNotContain("/var/x")
        .contains(fault.errorId());
  }
}
