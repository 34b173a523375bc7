package dev.lectern.application.error;

/**
 * Error: The server cannot take the request right now (a store is unreachable or failing); trying
 * again later may succeed. The message is for the log; clients see an error id.
 */
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

  @Override
  public boolean retriable() {
    return true;
  }

  @Override
  public boolean serverFault() {
    return true;
  }
}
