package dev.lectern.application.error;

import dev.lectern.domain.text.TextLimits;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The neutral error family every use case speaks; each dialect renders it in its own envelope.
 *
 * <p>Two decisions live here, so that every caller asks the same question: whether trying again
 * later may succeed ({@link #retriable}), and whether the message is for the client or only for the
 * log ({@link #serverFault}). A server fault's message may name files, queries or library errors;
 * clients see {@link #publicMessage} instead, which points at the log by an error id.
 */
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
        TooManyRequests,
        Internal {

  private final String field;
  private volatile String errorId;
  private volatile Reason reason = Reason.UNSPECIFIED;

  /**
   * The longest message kept: messages repeat ids and values a client sent, and a long one never
   * comes back whole (its head and tail are kept).
   */
  public static final int MAX_MESSAGE_CHARS = 4096;

  protected LecternException(String message, String field, Throwable cause) {
    super(TextLimits.cut(message, MAX_MESSAGE_CHARS), cause);
    this.field = field;
  }

  /** The request field the error is about, in the dialect's own spelling, when there is one. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /** Why the request is refused, for the dialects whose codes say more than the kind does. */
  public Reason reason() {
    return reason;
  }

  /** This error, saying why the request is refused. */
  public LecternException because(Reason why) {
    this.reason = Objects.requireNonNull(why, "why");
    return this;
  }

  /** Whether the same request may succeed later; client mistakes never do. */
  public boolean retriable() {
    return false;
  }

  /** Whether the failure is the server's, with details meant for the log only. */
  public boolean serverFault() {
    return false;
  }

  /** The id under which a server fault's details are logged; stable for this exception. */
  public String errorId() {
    String id = errorId;
    if (id == null) {
      synchronized (this) {
        if (errorId == null) {
          errorId = UUID.randomUUID().toString();
        }
        id = errorId;
      }
    }
    return id;
  }

  /** What a client may be told: the message, or for a server fault a pointer to the log. */
  public String publicMessage() {
    if (!serverFault()) {
      return getMessage();
    }
    return "the server could not complete the request (error id " + errorId() + ")";
  }
}
