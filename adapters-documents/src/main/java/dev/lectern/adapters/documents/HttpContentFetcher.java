package dev.lectern.adapters.documents;

import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.error.PayloadTooLarge;
import dev.lectern.application.error.UpstreamFailure;
import dev.lectern.application.port.out.ContentFetcher;
import dev.lectern.domain.text.TextLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Adapter: downloads documents over http(s). Every hop of a redirect chain is checked against the
 * internal-address policy before it is requested; bodies are cut off at the size limit and the
 * whole download at the time limit.
 */
public final class HttpContentFetcher implements ContentFetcher {
  static final int MAX_REDIRECTS = 5;
  private static final String FIELD = "input.value";

  private final boolean allowInternal;
  private final long maxBytes;
  private final Duration timeLimit;

  /** Built on the first fetch: an HTTP client sets up TLS, which start-up need not wait for. */
  private volatile HttpClient client;

  private final ScheduledExecutorService deadlines =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "lectern-fetch-deadline");
            thread.setDaemon(true);
            return thread;
          });

  public HttpContentFetcher(boolean allowInternal, long maxBytes, Duration timeLimit) {
    this.allowInternal = allowInternal;
    this.maxBytes = maxBytes;
    this.timeLimit = timeLimit;
  }

  private HttpClient client() {
    HttpClient built = client;
    if (built == null) {
      synchronized (this) {
        built = client;
        if (built == null) {
          built =
              HttpClient.newBuilder()
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .connectTimeout(timeLimit)
                  .build();
          client = built;
        }
      }
    }
    return built;
  }

  @Override
  public Fetched fetch(URI uri) {
    URI current = uri;
    long deadline = System.nanoTime() + timeLimit.toNanos();
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      checkAllowed(uri, current);
      HttpResponse<InputStream> response = send(uri, current, deadline);
      int status = response.statusCode();
      if (status >= 300 && status < 400 && response.headers().firstValue("location").isPresent()) {
        close(response);
        current = redirect(uri, current, response.headers().firstValue("location").get());
        continue;
      }
      if (status != 200) {
        close(response);
        throw new UpstreamFailure("fetching " + shown(uri) + " returned HTTP " + status, FIELD);
      }
      byte[] body = read(uri, response, deadline);
      String contentType = response.headers().firstValue("content-type").orElse(null);
      return new Fetched(body, contentType, fileName(current));
    }
    throw new InvalidRequest(
        "fetching " + shown(uri) + " followed more than " + MAX_REDIRECTS + " redirects", FIELD);
  }

  /**
   * Refuses what the policy forbids. Messages name the URI the client sent, never an address it
   * resolved to or where a redirect pointed: those would tell a caller about the internal network.
   */
  private void checkAllowed(URI requested, URI uri) {
    boolean redirected = requested != uri;
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidRequest(
          redirected
              ? "fetching " + shown(requested) + " was redirected to a URI that is not http(s)"
              : "only http and https URIs can be ingested, not '" + shown(uri) + "'",
          FIELD);
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new InvalidRequest(
          redirected
              ? "fetching " + shown(requested) + " was redirected to a URI without a host"
              : "the URI '" + shown(uri) + "' has no host",
          FIELD);
    }
    if (allowInternal) {
      return;
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (UriPolicy.isInternal(address)) {
          throw new InvalidRequest(
              (redirected
                      ? "refusing to follow a redirect of '" + shown(requested) + "'"
                      : "refusing to fetch '" + shown(requested) + "'")
                  + ": the host is on a loopback, private or link-local network"
                  + " (set LECTERN_ALLOW_PRIVATE_URIS=true to allow)",
              FIELD);
        }
      }
    } catch (UnknownHostException e) {
      throw new InvalidRequest(
          redirected
              ? "fetching " + shown(requested) + " was redirected to a host that does not resolve"
              : "the host '" + TextLimits.cut(host, 255) + "' could not be resolved",
          FIELD);
    }
  }

  private static URI redirect(URI requested, URI current, String location) {
    try {
      return current.resolve(location.strip());
    } catch (IllegalArgumentException e) {
      throw new UpstreamFailure(
          "fetching " + shown(requested) + " was redirected to an invalid location", FIELD, e);
    }
  }

  /** A URI as messages show it: the client's own, shortened if it is very long. */
  private static String shown(URI uri) {
    return TextLimits.cut(uri.toString(), 300);
  }

  /** A transport failure in plain words. */
  private static String describe(IOException e) {
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "timed out";
    }
    if (e instanceof java.net.ConnectException) {
      return "the connection was refused or could not be made";
    }
    if (e instanceof javax.net.ssl.SSLException) {
      return "the TLS handshake failed";
    }
    return "the connection failed";
  }

  private HttpResponse<InputStream> send(URI requested, URI uri, long deadline) {
    long remaining = Math.max(1, deadline - System.nanoTime());
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofNanos(remaining))
            .header("User-Agent", "Lectern/0.1 (document ingest)")
            .GET()
            .build();
    try {
      return client().send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new UpstreamFailure(
          "fetching " + shown(requested) + " failed: " + describe(e), FIELD, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamFailure("fetching " + shown(requested) + " was interrupted", FIELD, e);
    }
  }

  private byte[] read(URI uri, HttpResponse<InputStream> response, long deadline) {
    long declared = response.headers().firstValueAsLong("content-length").orElse(-1);
    if (declared > maxBytes) {
      close(response);
      throw tooLarge(uri);
    }
    long remaining = Math.max(1, deadline - System.nanoTime());
    InputStream body = response.body();
    ScheduledFuture<?> timer =
        deadlines.schedule(() -> closeQuietly(body), remaining, TimeUnit.NANOSECONDS);
    try (body) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
        out.write(buffer, 0, n);
        if (out.size() > maxBytes) {
          throw tooLarge(uri);
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      if (System.nanoTime() >= deadline) {
        throw new UpstreamFailure(
            "fetching " + shown(uri) + " took longer than " + timeLimit.toSeconds() + " s",
            FIELD,
            e);
      }
      throw new UpstreamFailure("reading " + shown(uri) + " failed: " + describe(e), FIELD, e);
    } finally {
      timer.cancel(false);
    }
  }

  private PayloadTooLarge tooLarge(URI uri) {
    return new PayloadTooLarge(
        "the document at " + shown(uri) + " is larger than the limit of " + maxBytes + " bytes",
        FIELD);
  }

  private static String fileName(URI uri) {
    String path = uri.getRawPath();
    if (path == null || path.isEmpty() || path.endsWith("/")) {
      return "";
    }
    String last = path.substring(path.lastIndexOf('/') + 1);
    try {
      return URLDecoder.decode(last, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return last;
    }
  }

  private static void close(HttpResponse<InputStream> response) {
    closeQuietly(response.body());
  }

  private static void closeQuietly(InputStream stream) {
    try {
      stream.close();
    } catch (IOException ignored) {
      // Closing is best effort; the connection is abandoned either way.
    }
  }
}
