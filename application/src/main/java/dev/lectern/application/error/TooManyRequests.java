package dev.lectern.application.error;

/**
 * Error: The server is holding as much queued work as it accepts; the client should retry later.
 */
public final class TooManyRequests extends LecternException {
  public TooManyRequests(String message) {
    super(message, null, null);
  }

  @Override
  public boolean retriable() {
    return true;
  }
}
