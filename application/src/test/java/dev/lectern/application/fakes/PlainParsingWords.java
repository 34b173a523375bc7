package dev.lectern.application.fakes;

import dev.lectern.application.port.out.ParsingWords;
import java.time.Duration;

/** Fake: a parse told in plain tagged words, so that tests see which note came when. */
public final class PlainParsingWords implements ParsingWords {
  @Override
  public String queued() {
    return "queued";
  }

  @Override
  public String fetched(String detail) {
    return "fetched " + detail;
  }

  @Override
  public String parsed(Duration took, String detail) {
    return "parsed " + detail;
  }

  @Override
  public String chunked(String detail) {
    return "chunked " + detail;
  }

  @Override
  public String indexed(Duration took) {
    return "indexed";
  }

  @Override
  public String done(double seconds) {
    return "done";
  }

  @Override
  public String cancelled() {
    return "cancelled";
  }

  @Override
  public String failed(String message, boolean last) {
    return (last ? "failed: " : "retrying: ") + message;
  }

  @Override
  public String busy() {
    return "busy";
  }

  @Override
  public String notStoppable() {
    return "not stoppable";
  }
}
