package dev.lectern.application.error;

/** Error: No valid credentials were presented. */
public final class Unauthenticated extends LecternException {
  public Unauthenticated(String message) {
    super(message, null, null);
  }

  public Unauthenticated(String message, String field) {
    super(message, field, null);
  }

  public Unauthenticated(String message, String field, Throwable cause) {
    super(message, field, cause);
  }
}
