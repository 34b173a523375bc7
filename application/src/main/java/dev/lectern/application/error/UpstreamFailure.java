package dev.lectern.application.error;

/**
 * Error: A remote server (URI source, language model) failed. Retriable unless said otherwise: a
 * server that refuses the key or does not know the model will not change its mind.
 */
public final class UpstreamFailure extends LecternException {
  private final boolean retriable;

  public UpstreamFailure(String message) {
    this(message, true);
  }

  public UpstreamFailure(String message, boolean retriable) {
    super(message, null, null);
    this.retriable = retriable;
  }

  public UpstreamFailure(String message, String field) {
    super(message, field, null);
    this.retriable = true;
  }

  public UpstreamFailure(String message, String field, Throwable cause) {
    super(message, field, cause);
    this.retriable = true;
  }

  @Override
  public boolean retriable() {
    return retriable;
  }
}
