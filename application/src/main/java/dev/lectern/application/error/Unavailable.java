package dev.lectern.application.error;

/** Error: The server cannot take the request right now. */
public final class Unavailable extends LecternException {
  public Unavailable(String message) {
    super(message, null, null);
  }

  public Unavailable(String message, String field) {
    super(message, field, null);
  }

  public Unavailable(String message, String field, Throwable cause) {
    super(message, field, cause);
  }
}
