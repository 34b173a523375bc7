package dev.lectern.adapters.http.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers what the HTTP server refuses before any route sees it (a path with a NUL, an URI or
 * headers too long, a request that is not HTTP) with a JSON error in the default dialect's
 * envelope, instead of the server's own HTML page.
 */
final class JettyErrorPage implements Request.Handler {
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus() < 400 ? 400 : response.getStatus();
    String type =
        switch (status) {
          case 413 -> "request_too_large";
          case 401 -> "authentication_error";
          case 404 -> "not_found_error";
          default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    String message =
        switch (status) {
          case 414 -> "the request URI is too long";
          case 431 -> "the request headers are too large";
          case 413 -> "the request body is too large";
          case 404 -> "no such route";
          default ->
              status >= 500 ? "the request could not be handled" : "the request is malformed";
        };
    byte[] body =
        Json.object()
            .put("type", "error")
            .set("error", Json.object().put("type", type).put("message", message))
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }
}
