package dev.lectern.adapters.llm.openai;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 connection to a model server, read on the caller's own thread: a response's status,
 * headers and body lines come as soon as their bytes do, with no hand-over between threads (which
 * is what a streamed answer's first token and every token after it would wait for). Reads give up
 * after a short wait so that the caller can check its client and its time limits; nothing read is
 * lost when they do. Bodies of any framing: a length, chunked, or until the server closes.
 */
final class UpstreamConnection implements AutoCloseable {
  private static final int MAX_HEAD_BYTES = 64 * 1024;

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};

  private enum Body {
    LENGTH,
    CHUNK_SIZE,
    CHUNK_DATA,
    CHUNK_END,
    TRAILERS,
    UNTIL_CLOSE,
    DONE
  }

  /** A line longer than this is no answer Lectern keeps. */
  private final int maxLineBytes;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final long openedAt = System.nanoTime();
  private byte[] buffer = new byte[64 * 1024];
  private int pos;
  private int limit;
  private boolean eof;

  private int status;
  private final Map<String, String> headers = new HashMap<>();
  private boolean reusable;
  private Body body;
  private long remaining;
  private byte[] line = new byte[256];
  private int lineLength;
  private boolean lineEnded;

  private UpstreamConnection(Socket socket, int maxLineBytes) throws IOException {
    this.socket = socket;
    this.maxLineBytes = maxLineBytes;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** A new connection to the server of {@code uri}, over TLS for https. */
  static UpstreamConnection open(
      URI uri, Duration connectTimeout, Duration readWait, int maxLineBytes) throws IOException {
    boolean tls = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(uri.getHost(), port), (int) connectTimeout.toMillis());
      if (tls) {
        SSLSocket secure =
            (SSLSocket)
                ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(socket, uri.getHost(), port, true);
        SSLParameters parameters = secure.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        secure.setSSLParameters(parameters);
        secure.setSoTimeout((int) connectTimeout.toMillis());
        secure.startHandshake();
        socket = secure;
      }
      socket.setSoTimeout((int) Math.max(1, readWait.toMillis()));
      return new UpstreamConnection(socket, maxLineBytes);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** Sends a POST in one write, so that no part of it waits for another's acknowledgement. */
  void post(URI uri, Map<String, String> requestHeaders, byte[] content) throws IOException {
    StringBuilder head = new StringBuilder(256);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    head.append("POST ").append(path);
    if (uri.getRawQuery() != null) {
      head.append('?').append(uri.getRawQuery());
    }
    head.append(" HTTP/1.1\r\nHost: ").append(uri.getHost());
    if (uri.getPort() > 0) {
      head.append(':').append(uri.getPort());
    }
    head.append("\r\n");
    requestHeaders.forEach(
        (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] request = new byte[start.length + content.length];
    System.arraycopy(start, 0, request, 0, start.length);
    System.arraycopy(content, 0, request, start.length, content.length);
    status = 0;
    headers.clear();
    out.write(request);
    out.flush();
  }

  /**
   * Reads the status line and headers; false when none came within the read wait (call again).
   *
   * @throws EOFException when the server closed the connection before answering
   */
  boolean readHead() throws IOException {
    if (status != 0) {
      return true;
    }
    int end;
    while ((end = indexOf(pos, HEAD_END)) < 0) {
      if (limit - pos > MAX_HEAD_BYTES) {
        throw new IOException("the response's headers are too long");
      }
      if (!fill()) {
        return false;
      }
      if (eof) {
        throw new EOFException("the server closed the connection before answering");
      }
    }
    String[] lines = new String(buffer, pos, end - pos, StandardCharsets.ISO_8859_1).split("\r\n");
    pos = end + 4;
    String[] statusLine = lines[0].split(" ", 3);
    if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
      throw new IOException("the server's answer is not HTTP");
    }
    try {
      status = Integer.parseInt(statusLine[1]);
    } catch (NumberFormatException e) {
      throw new IOException("the server's answer has no status", e);
    }
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.merge(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip(),
            (a, b) -> a + ", " + b);
      }
    }
    if (status >= 100 && status < 200) {
      status = 0;
      headers.clear();
      return readHead();
    }
    reusable =
        statusLine[0].equals("HTTP/1.1")
            && !header("connection").toLowerCase(Locale.ROOT).contains("close");
    if (status == 204 || status == 304) {
      body = Body.DONE;
    } else if (header("transfer-encoding").toLowerCase(Locale.ROOT).contains("chunked")) {
      body = Body.CHUNK_SIZE;
    } else if (!header("content-length").isEmpty()) {
      try {
        remaining = Long.parseLong(header("content-length"));
      } catch (NumberFormatException e) {
        throw new IOException("the response's length is not a number", e);
      }
      body = remaining == 0 ? Body.DONE : Body.LENGTH;
    } else {
      body = Body.UNTIL_CLOSE;
      reusable = false;
    }
    lineLength = 0;
    lineEnded = false;
    return true;
  }

  int status() {
    return status;
  }

  /** A response header, or "" when absent; names are case-insensitive. */
  String header(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
  }

  /**
   * The next line of the body (without its line end), {@link #END} once the body is complete, or
   * null when no whole line came within the read wait (call again).
   */
  String nextLine() throws IOException {
    while (true) {
      if (lineEnded) {
        lineEnded = false;
        lineLength = 0;
      }
      if (takeLine()) {
        lineEnded = true;
        int length = lineLength;
        if (length > 0 && line[length - 1] == '\r') {
          length--;
        }
        // Malformed UTF-8 becomes U+FFFD, as the String constructor does it.
        return new String(line, 0, length, StandardCharsets.UTF_8);
      }
      if (body == Body.DONE) {
        if (lineLength > 0) {
          lineEnded = true;
          return new String(line, 0, lineLength, StandardCharsets.UTF_8);
        }
        return END;
      }
      if (!fill()) {
        return null;
      }
      if (eof) {
        if (body != Body.UNTIL_CLOSE) {
          throw new EOFException("the server closed the connection mid-answer");
        }
        body = Body.DONE;
      }
    }
  }

  /** Polling ends: the body is complete. */
  static final String END = new String("end of body");

  /**
   * Whether more of the body's content can be read without waiting (framing aside): bytes of it in
   * the buffer, or on the socket already.
   */
  boolean ready() throws IOException {
    while (pos < limit && framing()) {
      // chunk ends and sizes that are all in the buffer are consumed
    }
    boolean content = body == Body.LENGTH || body == Body.CHUNK_DATA || body == Body.UNTIL_CLOSE;
    return content && pos < limit || body != Body.DONE && in.available() > 0;
  }

  /** Whether the server sent anything unasked while the connection was idle (it will not do). */
  boolean quiet() throws IOException {
    return pos == limit && in.available() == 0;
  }

  /**
   * Consumes one piece of chunk framing when it is whole in the buffer; false when there is none to
   * consume (content comes next, or the framing is not all there yet).
   */
  private boolean framing() throws IOException {
    switch (body) {
      case CHUNK_SIZE -> {
        int end = indexOf(pos, CRLF);
        if (end < 0) {
          tooLong();
          return false;
        }
        String size = new String(buffer, pos, end - pos, StandardCharsets.ISO_8859_1);
        int extension = size.indexOf(';');
        try {
          remaining =
              Long.parseLong((extension >= 0 ? size.substring(0, extension) : size).strip(), 16);
        } catch (NumberFormatException e) {
          throw new IOException("the response's chunk size is not a number", e);
        }
        if (remaining < 0) {
          throw new IOException("the response's chunk size is negative");
        }
        pos = end + 2;
        body = remaining == 0 ? Body.TRAILERS : Body.CHUNK_DATA;
        return true;
      }
      case CHUNK_END -> {
        if (limit - pos < 2) {
          return false;
        }
        pos += 2;
        body = Body.CHUNK_SIZE;
        return true;
      }
      case TRAILERS -> {
        int end = indexOf(pos, CRLF);
        if (end < 0) {
          tooLong();
          return false;
        }
        boolean last = end == pos; // the empty line after any trailers ends the body
        pos = end + 2;
        if (last) {
          body = Body.DONE;
        }
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * Moves body bytes into the current line up to its line feed; true when the line is whole.
   * Advances through chunk framing as far as the buffer allows.
   */
  private boolean takeLine() throws IOException {
    while (pos < limit) {
      if (framing()) {
        continue;
      }
      switch (body) {
        case LENGTH, CHUNK_DATA, UNTIL_CLOSE -> {
          long available = limit - pos;
          int take = (int) (body == Body.UNTIL_CLOSE ? available : Math.min(available, remaining));
          int feed = indexOfByte(pos, pos + take, (byte) '\n');
          int count = feed >= 0 ? feed - pos + 1 : take;
          append(pos, feed >= 0 ? count - 1 : count);
          pos += count;
          if (body != Body.UNTIL_CLOSE) {
            remaining -= count;
            if (remaining == 0) {
              body = body == Body.LENGTH ? Body.DONE : Body.CHUNK_END;
            }
          }
          if (feed >= 0) {
            return true;
          }
        }
        default -> {
          return false; // the body is done, or framing waits for more bytes
        }
      }
    }
    return false;
  }

  /** A framing line that has not ended within this many bytes is no server's. */
  private void tooLong() throws IOException {
    if (limit - pos > MAX_HEAD_BYTES) {
      throw new IOException("a chunk size or trailer line of the response is too long");
    }
  }

  private void append(int from, int count) throws IOException {
    if (lineLength + count > maxLineBytes) {
      throw new IOException("a line of the answer is longer than " + maxLineBytes + " bytes");
    }
    if (lineLength + count > line.length) {
      line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, lineLength + count));
    }
    System.arraycopy(buffer, from, line, lineLength, count);
    lineLength += count;
  }

  /** Reads more bytes; false when none came within the read wait. */
  private boolean fill() throws IOException {
    if (eof) {
      return true;
    }
    if (pos == limit) {
      pos = 0;
      limit = 0;
    } else if (limit == buffer.length) {
      if (pos > 0) {
        System.arraycopy(buffer, pos, buffer, 0, limit - pos);
        limit -= pos;
        pos = 0;
      } else {
        buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
      }
    }
    try {
      int n = in.read(buffer, limit, buffer.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
      return true;
    } catch (SocketTimeoutException quiet) {
      return false;
    }
  }

  private int indexOf(int from, byte[] bytes) {
    outer:
    for (int i = from; i + bytes.length <= limit; i++) {
      for (int j = 0; j < bytes.length; j++) {
        if (buffer[i + j] != bytes[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private int indexOfByte(int from, int to, byte wanted) {
    for (int i = from; i < to; i++) {
      if (buffer[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the whole response was read and the connection may carry another request. */
  boolean reusable() {
    return reusable && body == Body.DONE && pos == limit && !socket.isClosed();
  }

  /** How long the connection has been open. */
  Duration age() {
    return Duration.ofNanos(System.nanoTime() - openedAt);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing is all that was wanted
    }
  }
}
