package dev.lectern.adapters.llm.openai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback OpenAI-compatible server whose answers a test scripts, one handler per request. */
public final class FakeUpstream implements AutoCloseable {
  /** One scripted answer. */
  public interface Answer {
    void write(HttpExchange exchange) throws Exception;
  }

  private final HttpServer server;
  private final List<Answer> answers = new CopyOnWriteArrayList<>();
  public final List<String> bodies = new CopyOnWriteArrayList<>();
  public final List<String> authorizations = new CopyOnWriteArrayList<>();
  public final List<String> paths = new CopyOnWriteArrayList<>();
  public final AtomicInteger requests = new AtomicInteger();

  /** Set when writing to a client failed because it went away. */
  public volatile boolean clientGone;

  public FakeUpstream() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          int n = requests.getAndIncrement();
          paths.add(exchange.getRequestURI().getPath());
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          authorizations.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          Answer answer = answers.get(Math.min(n, answers.size() - 1));
          try {
            answer.write(exchange);
          } catch (IOException gone) {
            clientGone = true;
          } catch (Exception e) {
            throw new IOException(e);
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  /** Answers in this order; the last one repeats. */
  public FakeUpstream answering(Answer... scripted) {
    answers.clear();
    answers.addAll(List.of(scripted));
    return this;
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public static Answer json(int status, String body, String... headers) {
    return exchange -> {
      for (int i = 0; i + 1 < headers.length; i += 2) {
        exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    };
  }

  /** An event stream of these raw lines, each flushed, with a pause before each. */
  public static Answer events(long pauseMillis, String... lines) {
    return exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      for (String line : lines) {
        if (pauseMillis > 0) {
          Thread.sleep(pauseMillis);
        }
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    };
  }

  public static Answer slow(long millis, Answer then) {
    return exchange -> {
      Thread.sleep(millis);
      then.write(exchange);
    };
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
