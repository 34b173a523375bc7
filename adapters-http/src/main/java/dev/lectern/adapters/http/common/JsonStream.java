package dev.lectern.adapters.http.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.TreeNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a JSON response as it is produced, straight to the client, so that a response of any size
 * takes a bounded amount of memory. Whatever can be refused is checked before the first byte; a
 * failure before the response is committed still becomes the dialect's error, one after it cuts the
 * response short and is logged.
 */
public final class JsonStream {
  private static final Logger LOG = LoggerFactory.getLogger(JsonStream.class);

  /** Writes the body with the generator it is given. */
  @FunctionalInterface
  public interface Body {
    void write(JsonGenerator json) throws IOException;
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
      throw e.getCause();
    }
  }

  public static void respond(Context ctx, int status, Body body) {
    ctx.status(status).contentType("application/json");
    JsonGenerator json;
    try {
      OutputStream out = ctx.outputStream();
      json = Json.MAPPER.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    } catch (IOException e) {
      LOG.debug("the client of {} {} went away", ctx.method(), ctx.path());
      return;
    }
    try {
      body.write(json);
      json.close();
    } catch (IOException e) {
      LOG.debug("the client of {} {} went away while it was answered", ctx.method(), ctx.path());
    } catch (RuntimeException e) {
      if (!ctx.res().isCommitted()) {
        ctx.res().resetBuffer();
        throw e;
      }
      String id = UUID.randomUUID().toString();
      LOG.error(
          "the response to {} {} was cut short (error id {})", ctx.method(), ctx.path(), id, e);
    }
  }
}
