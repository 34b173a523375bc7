package dev.lectern.application.error;

/** Error: The resource is busy or in a state that refuses the request. */
public final class Conflict extends LecternException {
  public Conflict(String message) {
    super(message, null, null);
  }

  public Conflict(String message, String field) {
    super(message, field, null);
  }

  public Conflict(String message, String field, Throwable cause) {
    super(message, field, cause);
  }

  @Override
  public boolean retriable() {
    return true;
  }
}
