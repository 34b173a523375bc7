package dev.lectern.application.error;

/** Error: An input exceeds a configured size limit. */
public final class PayloadTooLarge extends LecternException {
  public PayloadTooLarge(String message) {
    super(message, null, null);
  }

  public PayloadTooLarge(String message, String field) {
    super(message, field, null);
  }

  public PayloadTooLarge(String message, String field, Throwable cause) {
    super(message, field, cause);
  }
}
