package dev.lectern.adapters.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP/1.1 reader against a server whose bytes, and their timing, a test writes itself. */
@Timeout(20)
class UpstreamConnectionTest {
  final ServerSocket server;
  final URI uri;

  UpstreamConnectionTest() throws IOException {
    server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/chat/completions");
  }

  @AfterEach
  void close() throws IOException {
    server.close();
  }

  /** Accepts one connection, reads one request per response, writes each response's parts. */
  CompletableFuture<List<String>> serve(List<List<String>> responses, long pauseMillis) {
    return CompletableFuture.supplyAsync(
        () -> {
          List<String> requests = new ArrayList<>();
          try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (List<String> parts : responses) {
              requests.add(readRequest(in));
              for (String part : parts) {
                out.write(part.getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(pauseMillis);
              }
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return requests;
        },
        runnable -> Thread.ofPlatform().daemon().start(runnable));
  }

  static String readRequest(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("the client left");
      }
      head.append((char) c);
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).strip());
      }
    }
    return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  static List<String> lines(UpstreamConnection connection) throws IOException {
    List<String> lines = new ArrayList<>();
    while (true) {
      String line = connection.nextLine();
      if (line == UpstreamConnection.END) {
        return lines;
      }
      if (line != null) {
        lines.add(line);
      }
    }
  }

  /** One chunk of a chunked body, its size counted in bytes. */
  static String chunk(String text, String extension) {
    return Integer.toHexString(text.getBytes(StandardCharsets.UTF_8).length)
        + extension
        + "\r\n"
        + text
        + "\r\n";
  }

  UpstreamConnection open() throws IOException {
    return UpstreamConnection.open(
        uri, Duration.ofSeconds(2), Duration.ofMillis(20), 8 * 1024 * 1024);
  }

  static void awaitHead(UpstreamConnection connection) throws IOException {
    while (!connection.readHead()) {
      // the read wait passed; a caller checks its limits here
    }
  }

  @Test
  void aChunkedStreamSplitAnywhereComesOutLineByLineAndTheConnectionIsKept() throws Exception {
    String chunked =
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
            + chunk("data: {\"a\":\"é\"}\n", "")
            + chunk("data: x", ";ext=1")
            + chunk("\n\n", "")
            + "0\r\nX-Trailer: 1\r\n\r\n";
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < chunked.length(); i += 3) {
      parts.add(chunked.substring(i, Math.min(chunked.length(), i + 3)));
    }
    var requests =
        serve(List.of(parts, List.of("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello")), 1);

    try (UpstreamConnection connection = open()) {
      connection.post(
          uri, Map.of("Authorization", "Bearer k"), "{\"q\":1}".getBytes(StandardCharsets.UTF_8));
      awaitHead(connection);
      assertThat(connection.status()).isEqualTo(200);
      assertThat(connection.header("CONTENT-TYPE")).isEqualTo("text/event-stream");
      assertThat(lines(connection)).containsExactly("data: {\"a\":\"é\"}", "data: x", "");
      assertThat(connection.reusable()).isTrue();

      connection.post(uri, Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
      awaitHead(connection);
      assertThat(lines(connection)).containsExactly("hello");
      assertThat(connection.reusable()).isTrue();
    }
    List<String> sent = requests.get();
    assertThat(sent.get(0))
        .startsWith("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:")
        .contains("Authorization: Bearer k\r\n", "Content-Length: 7\r\n")
        .endsWith("\r\n\r\n{\"q\":1}");
  }

  @Test
  void aBodyUntilCloseEndsWithTheConnectionAndIsNotKept() throws Exception {
    serve(List.of(List.of("HTTP/1.0 500 Oops\r\n\r\nfirst\nlast")), 0);

    try (UpstreamConnection connection = open()) {
      connection.post(uri, Map.of(), new byte[0]);
      awaitHead(connection);
      assertThat(connection.status()).isEqualTo(500);
      assertThat(lines(connection)).containsExactly("first", "last");
      assertThat(connection.reusable()).isFalse();
    }
  }

  @Test
  void quietReadsGiveNullsAndLoseNothing() throws Exception {
    serve(
        List.of(
            List.of(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n8\r\nda",
                "ta: 1\n\r\n",
                "0\r\n\r\n")),
        150);

    try (UpstreamConnection connection = open()) {
      connection.post(uri, Map.of(), new byte[0]);
      awaitHead(connection);
      int quiet = 0;
      List<String> lines = new ArrayList<>();
      for (String line = connection.nextLine();
          line != UpstreamConnection.END;
          line = connection.nextLine()) {
        if (line == null) {
          quiet++;
        } else {
          lines.add(line);
        }
      }
      assertThat(lines).containsExactly("data: 1");
      assertThat(quiet).isPositive();
    }
  }

  @Test
  void aServerThatClosesEarlyIsAnError() throws Exception {
    serve(List.of(List.of("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nshort")), 0);
    try (UpstreamConnection connection = open()) {
      connection.post(uri, Map.of(), new byte[0]);
      awaitHead(connection);
      assertThatThrownBy(() -> lines(connection)).isInstanceOf(EOFException.class);
    }

    serve(List.of(List.of()), 0);
    try (UpstreamConnection silent = open()) {
      silent.post(uri, Map.of(), new byte[0]);
      assertThatThrownBy(() -> awaitHead(silent)).isInstanceOf(EOFException.class);
    }
  }
}
