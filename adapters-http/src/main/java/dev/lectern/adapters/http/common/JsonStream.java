package dev.lectern.adapters.http.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.TreeNode;
import io.javalin.http.Context;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a JSON response as it is produced, straight to the client, so that a response of any size
 * takes a bounded amount of memory. Whatever can be refused is checked before the first byte. A
 * failure of the server before the response is committed still becomes the dialect's error; one
 * after it is logged with an error id and the connection is cut, so that the client sees a broken
 * response rather than a complete-looking one. A client that goes away ends the work quietly.
 */
public final class JsonStream {
  private static final Logger LOG = LoggerFactory.getLogger(JsonStream.class);

  /** Writes the body with the generator it is given. */
  @FunctionalInterface
  public interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  /** A write to the client failed: it went away. */
  private static final class ClientGone extends IOException {
    ClientGone(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private JsonStream() {}

  /**
   * Writes each item a push-style source hands on, as a tree made by {@code toJson}; a write that
   * fails ends the source's iteration with that failure.
   */
  public static <T> void forEach(
      JsonGenerator json, Consumer<Consumer<T>> source, Function<T, ? extends TreeNode> toJson)
      throws IOException {
    try {
      source.accept(
          item -> {
            try {
              json.writeTree(toJson.apply(item));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof ClientGone gone) {
        throw gone;
      }
      throw e;
    }
  }

  public static void respond(Context ctx, int status, Body body) {
    ctx.status(status).contentType("application/json");
    try {
      JsonGenerator json =
          Json.MAPPER
              .createGenerator(toClient(ctx.outputStream()))
              .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      body.write(json);
      json.close();
    } catch (ClientGone e) {
      LOG.debug("the client of {} {} went away while it was answered", ctx.method(), ctx.path());
    } catch (IOException | RuntimeException e) {
      if (!ctx.res().isCommitted()) {
        ctx.res().resetBuffer();
        throw e instanceof RuntimeException failure
            ? failure
            : new UncheckedIOException((IOException) e);
      }
      String id = UUID.randomUUID().toString();
      LOG.error(
          "the response to {} {} failed after it began and was cut (error id {})",
          ctx.method(),
          ctx.path(),
          id,
          e);
      abort(ctx);
    }
  }

  /** The response's stream, whose failures say that the client is gone. */
  private static OutputStream toClient(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        try {
          out.write(b);
        } catch (IOException e) {
          throw new ClientGone(e);
        }
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        try {
          out.write(bytes, offset, length);
        } catch (IOException e) {
          throw new ClientGone(e);
        }
      }

      @Override
      public void flush() throws IOException {
        try {
          out.flush();
        } catch (IOException e) {
          throw new ClientGone(e);
        }
      }
    };
  }

  /** Closes the connection under a response that cannot be finished truthfully. */
  private static void abort(Context ctx) {
    try {
      ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
      if (request != null) {
        request.getConnectionMetaData().getConnection().getEndPoint().close();
      }
    } catch (RuntimeException ignored) {
      // The connection is gone already.
    }
  }
}
