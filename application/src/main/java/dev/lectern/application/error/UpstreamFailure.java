package dev.lectern.application.error;

/** Error: A remote server (URI source, language model) failed. */
public final class UpstreamFailure extends LecternException {
  public UpstreamFailure(String message) {
    super(message, null, null);
  }

  public UpstreamFailure(String message, String field) {
    super(message, field, null);
  }

  public UpstreamFailure(String message, String field, Throwable cause) {
    super(message, field, cause);
  }

  @Override
  public boolean retriable() {
    return true;
  }
}
