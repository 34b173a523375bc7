package dev.lectern.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One streamed POST, timed: from the request's last byte to the first occurrence of a marker (the
 * first piece of text), and to the end of the response.
 *
 * @param firstNanos time to the first piece of text
 * @param totalNanos time to the end of the stream
 * @param tokens how many of the fake upstream's tokens ({@code t0 } to {@code t9 }) the stream held
 */
record StreamTiming(long firstNanos, long totalNanos, int tokens) {
  private static final Pattern TOKEN = Pattern.compile("t[0-9] ");

  /** The end of a chunked body; JSON events never hold a raw CR LF, so it cannot occur earlier. */
  private static final String LAST_CHUNK = "\r\n0\r\n\r\n";

  /**
   * A kept-alive connection, as SDK clients hold them, for streamed (chunked) responses. Not
   * thread-safe: one per client thread.
   */
  static final class Client implements AutoCloseable {
    private final URI uri;
    private final String token;
    private Socket socket;

    Client(String url, String token) {
      this.uri = URI.create(url);
      this.token = token;
    }

    StreamTiming post(String body, String marker) throws IOException {
      if (socket == null || socket.isClosed()) {
        socket = new Socket(uri.getHost(), uri.getPort());
        socket.setTcpNoDelay(true);
      }
      byte[] payload = body.getBytes(StandardCharsets.UTF_8);
      String head =
          "POST "
              + uri.getRawPath()
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
              + "Content-Length: "
              + payload.length
              + "\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      byte[] request = (head + body).getBytes(StandardCharsets.UTF_8);
      out.write(request);
      out.flush();
      long sent = System.nanoTime();
      long first = -1;
      StringBuilder received = new StringBuilder();
      byte[] buffer = new byte[16384];
      while (true) {
        int n = in.read(buffer);
        if (n < 0) {
          socket.close();
          throw new IOException("the server closed the connection mid-stream");
        }
        int from = Math.max(0, received.length() - marker.length());
        received.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        if (first < 0 && received.indexOf(marker, from) >= 0) {
          first = System.nanoTime() - sent;
        }
        if (received.length() >= LAST_CHUNK.length()
            && received.lastIndexOf(LAST_CHUNK) == received.length() - LAST_CHUNK.length()) {
          break;
        }
      }
      long total = System.nanoTime() - sent;
      if (first < 0) {
        throw new IOException("the stream from " + uri + " held no '" + marker + "'");
      }
      // Each event is written and flushed whole, so no token is split by chunk framing.
      return new StreamTiming(first, total, (int) TOKEN.matcher(received).results().count());
    }

    @Override
    public void close() throws IOException {
      if (socket != null) {
        socket.close();
      }
    }
  }
}
