package dev.lectern.application.error;

import java.util.Optional;

/** Error: The addressed resource does not exist (for this caller). */
public final class NotFound extends LecternException {
  private final String subject;

  public NotFound(String message) {
    this(message, null, null, null);
  }

  public NotFound(String message, String field) {
    this(message, field, null, null);
  }

  public NotFound(String message, String field, Throwable cause) {
    this(message, field, null, cause);
  }

  /**
   * @param subject the id that was not found, so a dialect can word the message its own way
   */
  public NotFound(String message, String field, String subject, Throwable cause) {
    super(message, field, cause);
    this.subject = subject;
  }

  public static NotFound of(String message, String field, String subject) {
    return new NotFound(message, field, subject, null);
  }

  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }
}
