package dev.lectern.adapters.http.ragflow;

import dev.lectern.domain.artifact.ParseNote;
import java.util.Locale;

/** RAGFlow's words for a document parse: its {@code progress_msg} lines and its refusals. */
final class RagflowParsingWords {
  /** Refusal: the document is being parsed already. */
  static final String BUSY = "Can't parse document that is currently being processed";

  /** Refusal: a parse that has not begun or has ended cannot be stopped. */
  static final String NOT_STOPPABLE = "Can't stop parsing document with progress at 0 or 1";

  private RagflowParsingWords() {}

  /** A parse log as RAGFlow's {@code progress_msg}: each note in RAGFlow's words. */
  static String progress(String log) {
    if (log.isEmpty()) {
      return log;
    }
    StringBuilder text = new StringBuilder();
    for (String line : log.split("\n", -1)) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      // A line that is no note (one written before notes were) is shown as it is.
      text.append(ParseNote.read(line).map(RagflowParsingWords::line).orElse(line));
    }
    return text.toString();
  }

  static String line(ParseNote note) {
    String detail = note.detail();
    return switch (note.kind()) {
      case QUEUED -> "Task has been received.";
      case FETCHED -> "Start to parse: " + detail + ".";
      case PARSED -> "Parsing finished (" + seconds(note) + " s): " + detail + ".";
      case CHUNKED -> "Generate " + detail + ".";
      case INDEXED -> "Indexing done (" + seconds(note) + " s).";
      case DONE -> "Task done (" + seconds(note) + " s)";
      case CANCELLED -> "Task has been cancelled.";
      case RETRYING -> "[WARNING] retrying: " + detail;
      case FAILED -> "[ERROR] " + detail;
    };
  }

  private static String seconds(ParseNote note) {
    return String.format(Locale.ROOT, "%.2f", note.seconds());
  }
}
