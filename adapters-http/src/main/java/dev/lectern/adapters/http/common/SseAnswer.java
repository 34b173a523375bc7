package dev.lectern.adapters.http.common;

import dev.lectern.application.error.Internal;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.port.in.answer.AnswerStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way an answer stream of any dialect meets a failure. Until the stream has begun (its
 * first event, or a dialect whose stream opens before the answer), a failure is thrown on, so that
 * the request fails with a plain error and its own status; once it has begun, the failure ends the
 * stream in the dialect's in-stream form — an unexpected one too, as a logged server fault, never
 * as JSON written onto the event stream by the server's error handler.
 */
public abstract class SseAnswer implements AnswerStream {
  private static final Logger LOG = LoggerFactory.getLogger(SseAnswer.class);

  /** The stream; null for an answer given whole, which never begins one. */
  protected final LazySse sse;

  protected SseAnswer(LazySse sse) {
    this.sse = sse;
  }

  @Override
  public final void onError(RuntimeException failure) {
    if (sse == null || !sse.begun()) {
      throw failure;
    }
    LecternException error =
        failure instanceof LecternException known
            ? known
            : new Internal("an answer stream failed: " + failure, failure);
    if (error.serverFault()) {
      LOG.error(
          "server fault in the stream of {} (error id {}): {}",
          sse.request(),
          error.errorId(),
          error.getMessage(),
          failure);
    }
    failInStream(error);
  }

  /** Ends the begun stream with {@code error} in the dialect's own frames. */
  protected abstract void failInStream(LecternException error);

  @Override
  public boolean cancelled() {
    return sse != null && sse.clientGone();
  }

  @Override
  public boolean live() {
    return sse != null;
  }
}
