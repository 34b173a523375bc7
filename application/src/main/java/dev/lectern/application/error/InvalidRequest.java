package dev.lectern.application.error;

/** Error: The request is malformed or a field has an invalid value. */
public final class InvalidRequest extends LecternException {
  public InvalidRequest(String message) {
    super(message, null, null);
  }

  public InvalidRequest(String message, String field) {
    super(message, field, null);
  }

  public InvalidRequest(String message, String field, Throwable cause) {
    super(message, field, cause);
  }
}
