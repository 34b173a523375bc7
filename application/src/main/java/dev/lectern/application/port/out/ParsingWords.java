package dev.lectern.application.port.out;

import java.time.Duration;

/**
 * Port: the words in which a document's parse is told and refused, those of the dialect that shows
 * it (its progress lines and its messages); the application only says when each is due.
 */
public interface ParsingWords {
  /** The parse was queued. */
  String queued();

  /** The document's content was read; {@code detail} says how much from where. */
  String fetched(String detail);

  String parsed(Duration took, String detail);

  /** {@code detail} says how many chunks came out. */
  String chunked(String detail);

  String indexed(Duration took);

  String done(double seconds);

  String cancelled();

  /** A failure: the last one ends the parse, an earlier one is retried. */
  String failed(String message, boolean last);

  /** Refusal: the document is being parsed already. */
  String busy();

  /** Refusal: a parse that has not begun or has ended cannot be stopped. */
  String notStoppable();
}
