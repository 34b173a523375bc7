package dev.lectern.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A deliberately small HTTP/1.1 client for the load loops: one kept-alive connection, blocking, no
 * pooling or selector threads, so that the load generator takes as little of the machine's CPU as
 * it can (the server under test shares the same cores). Not thread-safe: one per client thread.
 */
final class KeepAliveClient implements AutoCloseable {
  /** Status and body of one response. */
  record Response(int status, String body) {}

  private final String host;
  private final int port;
  private final String authorization;

  /** Servers close idle connections (Jetty after 30 s); one idle this long is replaced first. */
  private static final long IDLE_NANOS = 10_000_000_000L;

  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private long lastUsed;

  KeepAliveClient(String baseUrl, String token) {
    URI uri = URI.create(baseUrl);
    this.host = uri.getHost();
    this.port = uri.getPort();
    this.authorization = "Bearer " + token;
  }

  Response get(String path) throws IOException {
    return exchange("GET", path, null);
  }

  Response post(String path, byte[] json) throws IOException {
    return exchange("POST", path, json);
  }

  private Response exchange(String method, String path, byte[] body) throws IOException {
    if (socket != null && System.nanoTime() - lastUsed > IDLE_NANOS) {
      close();
    }
    if (socket == null) {
      connect();
    }
    lastUsed = System.nanoTime();
    StringBuilder head =
        new StringBuilder(method)
            .append(' ')
            .append(path)
            .append(" HTTP/1.1\r\nHost: ")
            .append(host)
            .append(':')
            .append(port)
            .append("\r\nAuthorization: ")
            .append(authorization)
            .append("\r\n");
    if (body != null) {
      head.append("Content-Type: application/json\r\nContent-Length: ")
          .append(body.length)
          .append("\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (body != null) {
      out.write(body);
    }
    out.flush();
    return read();
  }

  private Response read() throws IOException {
    String status = line();
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String line = line(); !line.isEmpty(); line = line()) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        close = true;
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      for (int size = Integer.parseInt(line().split(";")[0].trim(), 16);
          size > 0;
          size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
        body.write(in.readNBytes(size));
        line();
      }
      while (!line().isEmpty()) {
        // trailers
      }
    } else if (length >= 0) {
      body.write(in.readNBytes((int) length));
    }
    if (close) {
      close();
    }
    lastUsed = System.nanoTime();
    return new Response(code, body.toString(StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed by the server");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(host, port), 10_000);
    socket.setSoTimeout(120_000);
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    out = socket.getOutputStream();
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
      socket = null;
    }
  }
}
