package dev.lectern.application.error;

/** Error: The credentials are valid but do not reach the resource. */
public final class Forbidden extends LecternException {
  public Forbidden(String message) {
    super(message, null, null);
  }

  public Forbidden(String message, String field) {
    super(message, field, null);
  }

  public Forbidden(String message, String field, Throwable cause) {
    super(message, field, cause);
  }
}
