package dev.lectern.adapters.http.ragflow;

import dev.lectern.application.port.out.ParsingWords;
import java.time.Duration;
import java.util.Locale;

/** RAGFlow's words for a document parse: its {@code progress_msg} lines and its refusals. */
public final class RagflowParsingWords implements ParsingWords {
  @Override
  public String queued() {
    return "Task has been received.";
  }

  @Override
  public String fetched(String detail) {
    return "Start to parse: " + detail + ".";
  }

  @Override
  public String parsed(Duration took, String detail) {
    return "Parsing finished (" + seconds(took) + " s): " + detail + ".";
  }

  @Override
  public String chunked(String detail) {
    return "Generate " + detail + ".";
  }

  @Override
  public String indexed(Duration took) {
    return "Indexing done (" + seconds(took) + " s).";
  }

  @Override
  public String done(double seconds) {
    return String.format(Locale.ROOT, "Task done (%.2f s)", seconds);
  }

  @Override
  public String cancelled() {
    return "Task has been cancelled.";
  }

  @Override
  public String failed(String message, boolean last) {
    return (last ? "[ERROR]" : "[WARNING] retrying:") + " " + message;
  }

  @Override
  public String busy() {
    return "Can't parse document that is currently being processed";
  }

  @Override
  public String notStoppable() {
    return "Can't stop parsing document with progress at 0 or 1";
  }

  private static String seconds(Duration took) {
    return String.format(Locale.ROOT, "%.2f", took.toMillis() / 1000.0);
  }
}
