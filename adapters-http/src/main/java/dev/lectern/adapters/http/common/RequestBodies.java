package dev.lectern.adapters.http.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.error.PayloadTooLarge;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies under the configured size limit and parses them as JSON. */
public final class RequestBodies {
  private final long maxBytes;

  public RequestBodies(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The largest body accepted, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  public byte[] bytes(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge();
    }
    try (InputStream in = ctx.bodyInputStream()) {
      if (declared >= 0) {
        // The declared length is read at once: no buffer grows by doubling on the way.
        byte[] body = in.readNBytes((int) declared);
        if (in.read() >= 0) {
          throw new InvalidRequest("body: longer than its Content-Length", "body");
        }
        return body;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        if (out.size() > maxBytes) {
          throw tooLarge();
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new InvalidRequest("body: could not be read", "body");
    }
  }

  /** The body as a JSON object. */
  public JsonFields json(Context ctx) {
    byte[] bytes = bytes(ctx);
    if (bytes.length == 0) {
      throw new InvalidRequest("body: a JSON object is required", "body");
    }
    try {
      JsonNode tree = Json.MAPPER.readTree(bytes);
      return JsonFields.root(tree);
    } catch (JsonProcessingException e) {
      throw new InvalidRequest("body: malformed JSON: " + JsonErrors.describe(e), "body");
    } catch (IOException e) {
      throw new InvalidRequest("body: could not be read", "body");
    }
  }

  private PayloadTooLarge tooLarge() {
    return new PayloadTooLarge(
        "body: the request body is larger than the limit of " + maxBytes + " bytes", "body");
  }
}
