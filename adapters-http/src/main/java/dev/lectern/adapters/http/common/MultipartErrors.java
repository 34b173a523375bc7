package dev.lectern.adapters.http.common;

import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.error.PayloadTooLarge;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says what is wrong with a multipart body the server could not split into parts. The servlet
 * container reports it as a wrapped exception whose innermost message names the problem.
 */
public final class MultipartErrors {
  private static final Logger LOG = LoggerFactory.getLogger(MultipartErrors.class);

  private MultipartErrors() {}

  /** The client's mistake in the error family; logged as one line, without a stack trace. */
  public static LecternException describe(Throwable failure, long maxBodyBytes) {
    String detail = innermostMessage(failure).toLowerCase(Locale.ROOT);
    LecternException error;
    boolean tooBig =
        !detail.contains("headers max length")
            && (detail.contains("max length exceeded") || detail.contains("max file size"));
    if (tooBig) {
      error =
          new PayloadTooLarge(
              "file: the upload is larger than the limit of " + maxBodyBytes + " bytes", "file");
    } else {
      error = new InvalidRequest("file: " + problem(detail), "file");
    }
    LOG.warn("refused a multipart body: {}", error.getMessage());
    return error;
  }

  /** Reads and drops what is left of a refused body, at most {@code max} bytes. */
  public static void drain(io.javalin.http.Context ctx, long max) {
    try (java.io.InputStream rest = ctx.req().getInputStream()) {
      byte[] buffer = new byte[64 * 1024];
      long read = 0;
      for (int n = rest.read(buffer); n >= 0 && read < max; n = rest.read(buffer)) {
        read += n;
      }
    } catch (java.io.IOException | RuntimeException unreadable) {
      // The container may have given up on the body already; the refusal goes out regardless.
    }
  }

  private static String problem(String detail) {
    if (detail.contains("boundary")) {
      return "the Content-Type header names no multipart boundary";
    }
    if (detail.contains("eof") || detail.contains("incomplete")) {
      return "the body holds no complete part delimited by the boundary of the Content-Type header";
    }
    if (detail.contains("too many")) {
      return "the body has too many parts";
    }
    if (detail.contains("headers max length")) {
      return "the headers of a part are too long";
    }
    if (detail.contains("invalid byte") || detail.contains("illegal character")) {
      return "the headers of a part hold an invalid character";
    }
    return "the multipart body is malformed";
  }

  private static String innermostMessage(Throwable failure) {
    String message = "";
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null) {
        message = message + " " + t.getMessage();
      }
    }
    return message;
  }
}
