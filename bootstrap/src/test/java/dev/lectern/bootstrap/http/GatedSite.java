package dev.lectern.bootstrap.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local web site for URI ingests: {@code /gated.txt} answers only once {@link #open()} is called,
 * and {@code /trickle.txt} sends its text a few bytes at a time over about two seconds.
 */
final class GatedSite implements AutoCloseable {
  static final String TRICKLE_TEXT =
      "Trickled document. It arrives slowly, a few bytes at a time, over about two seconds.";
  private final HttpServer server;
  private final CountDownLatch gate = new CountDownLatch(1);

  GatedSite() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/gated.txt",
        exchange -> {
          try {
            gate.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] body =
              ("Gated document " + exchange.getRequestURI().getQuery())
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/plain");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.createContext(
        "/trickle.txt",
        exchange -> {
          byte[] body = TRICKLE_TEXT.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/plain");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < body.length; i += 8) {
              out.write(body, i, Math.min(8, body.length - i));
              out.flush();
              Thread.sleep(2000L * 8 / body.length);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  void open() {
    gate.countDown();
  }

  @Override
  public void close() {
    open();
    server.stop(0);
  }
}
