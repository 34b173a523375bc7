package dev.lectern.adapters.documents;

import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.error.PayloadTooLarge;
import dev.lectern.application.error.UpstreamFailure;
import dev.lectern.application.port.out.ContentFetcher;
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
      checkAllowed(current);
      HttpResponse<InputStream> response = send(current, deadline);
      int status = response.statusCode();
      if (status >= 300 && status < 400 && response.headers().firstValue("location").isPresent()) {
        close(response);
        current = current.resolve(response.headers().firstValue("location").get().strip());
        continue;
      }
      if (status != 200) {
        close(response);
        throw new UpstreamFailure("fetching " + current + " returned HTTP " + status, FIELD);
      }
      byte[] body = read(current, response, deadline);
      String contentType = response.headers().firstValue("content-type").orElse(null);
      return new Fetched(body, contentType, fileName(current));
    }
    throw new InvalidRequest(
        "fetching " + uri + " followed more than " + MAX_REDIRECTS + " redirects", FIELD);
  }

  private void checkAllowed(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidRequest(
          "only http and https URIs can be ingested, not '" + uri + "'", FIELD);
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new InvalidRequest("the URI '" + uri + "' has no host", FIELD);
    }
    if (allowInternal) {
      return;
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (UriPolicy.isInternal(address)) {
          throw new InvalidRequest(
              "refusing to fetch '"
                  + uri
                  + "': "
                  + host
                  + " resolves to the internal address "
                  + address.getHostAddress()
                  + " (set LECTERN_ALLOW_PRIVATE_URIS=true to allow)",
              FIELD);
        }
      }
    } catch (UnknownHostException e) {
      throw new InvalidRequest("the host '" + host + "' could not be resolved", FIELD);
    }
  }

  private HttpResponse<InputStream> send(URI uri, long deadline) {
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
      throw new UpstreamFailure("fetching " + uri + " failed: " + e.getMessage(), FIELD, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamFailure("fetching " + uri + " was interrupted", FIELD, e);
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
            "fetching " + uri + " took longer than " + timeLimit.toSeconds() + " s", FIELD, e);
      }
      throw new UpstreamFailure("reading " + uri + " failed: " + e.getMessage(), FIELD, e);
    } finally {
      timer.cancel(false);
    }
  }

  private PayloadTooLarge tooLarge(URI uri) {
    return new PayloadTooLarge(
        "the document at " + uri + " is larger than the limit of " + maxBytes + " bytes", FIELD);
  }

  private static String fileName(URI uri) {
    String path = uri.getRawPath();
    if (path == null || path.isEmpty() || path.endsWith("/")) {
      return "";
    }
    return URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
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
