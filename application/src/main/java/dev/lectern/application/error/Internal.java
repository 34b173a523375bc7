package dev.lectern.application.error;

/**
 * Error: The server failed in a way that retrying will not cure (a store refused data that
 * validation let through). The message is for the log; clients see an error id.
 */
public final class Internal extends LecternException {
  public Internal(String message, Throwable cause) {
    super(message, null, cause);
  }

  @Override
  public boolean serverFault() {
    return true;
  }
}
