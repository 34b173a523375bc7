package dev.lectern.application.error;

/** Error: A document's type or content cannot be parsed. */
public final class UnsupportedContent extends LecternException {
  public UnsupportedContent(String message) {
    super(message, null, null);
  }

  public UnsupportedContent(String message, String field) {
    super(message, field, null);
  }

  public UnsupportedContent(String message, String field, Throwable cause) {
    super(message, field, cause);
  }
}
