package dev.lectern.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback OpenAI-compatible server that streams a fixed number of one-token pieces as fast as it
 * can, each flushed on its own: the upstream whose own figures Lectern's are set against.
 */
final class FakeLlm implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  FakeLlm(int tokens) throws IOException {
    // As model servers do (uvicorn, llama.cpp): small writes are sent at once, not held for ACKs.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(threads);
    byte[][] pieces = new byte[tokens][];
    for (int i = 0; i < tokens; i++) {
      pieces[i] =
          ("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"t" + (i % 10) + " \"}}]}\n\n")
              .getBytes(StandardCharsets.UTF_8);
    }
    byte[] end =
        ("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":"
                + tokens
                + "}}\n\ndata: [DONE]\n\n")
            .getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (byte[] piece : pieces) {
              out.write(piece);
              out.flush();
            }
            out.write(end);
            out.flush();
          } catch (IOException clientLeft) {
            // the stream was cut by its reader
          }
        });
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
