package dev.lectern.application.error;

/** Error: The addressed resource does not exist (for this caller). */
public final class NotFound extends LecternException {
  public NotFound(String message) {
    super(message, null, null);
  }

  public NotFound(String message, String field) {
    super(message, field, null);
  }

  public NotFound(String message, String field, Throwable cause) {
    super(message, field, cause);
  }
}
