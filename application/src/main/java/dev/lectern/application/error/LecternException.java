package dev.lectern.application.error;

import java.util.Optional;

/** The neutral error family every use case speaks; each dialect renders it in its own envelope. */
public abstract sealed class LecternException extends RuntimeException
    permits InvalidRequest,
        Unauthenticated,
        Forbidden,
        NotFound,
        Conflict,
        PayloadTooLarge,
        UnsupportedContent,
        UpstreamFailure,
        Unavailable,
        TooManyRequests {

  private final String field;

  protected LecternException(String message, String field, Throwable cause) {
    super(message, cause);
    this.field = field;
  }

  /** The request field the error is about, in the dialect's own spelling, when there is one. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
