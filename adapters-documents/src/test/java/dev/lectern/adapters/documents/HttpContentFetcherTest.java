package dev.lectern.adapters.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.error.PayloadTooLarge;
import dev.lectern.application.error.UpstreamFailure;
import dev.lectern.application.port.out.ContentFetcher.Fetched;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpContentFetcherTest {
  private HttpServer server;
  private String base;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/page.html",
        exchange -> {
          byte[] body = "<h1>Hi</h1>".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.createContext(
        "/loop",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/loop");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.createContext(
        "/hop",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/page.html");
          exchange.sendResponseHeaders(301, -1);
          exchange.close();
        });
    server.createContext(
        "/big",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(new byte[4096]);
          }
        });
    server.createContext(
        "/missing",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.createContext(
        "/slow",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 50; i++) {
              out.write('x');
              out.flush();
              Thread.sleep(100);
            }
          } catch (Exception ignored) {
            // The client hung up, as intended.
          }
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpContentFetcher allowing(long maxBytes, Duration limit) {
    return new HttpContentFetcher(true, maxBytes, limit);
  }

  @Test
  void loopbackIsRefusedByDefault() {
    HttpContentFetcher fetcher = new HttpContentFetcher(false, 1024, Duration.ofSeconds(5));
    assertThatThrownBy(() -> fetcher.fetch(URI.create(base + "/page.html")))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("loopback, private or link-local")
        .hasMessageNotContaining("resolves");
    assertThatThrownBy(() -> fetcher.fetch(URI.create("http://localhost:9/x")))
        .isInstanceOf(InvalidRequest.class);
  }

  @Test
  void onlyHttpSchemesAreAccepted() {
    assertThatThrownBy(
            () -> allowing(1024, Duration.ofSeconds(5)).fetch(URI.create("file:///etc/passwd")))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("only http and https");
  }

  @Test
  void fetchesWithContentTypeAndNameAndFollowsRedirects() {
    Fetched fetched = allowing(1024, Duration.ofSeconds(5)).fetch(URI.create(base + "/hop"));
    assertThat(new String(fetched.bytes(), StandardCharsets.UTF_8)).isEqualTo("<h1>Hi</h1>");
    assertThat(fetched.contentType()).isEqualTo("text/html");
    assertThat(fetched.fileName()).isEqualTo("page.html");
  }

  @Test
  void redirectLoopsStopAfterFiveHops() {
    assertThatThrownBy(
            () -> allowing(1024, Duration.ofSeconds(5)).fetch(URI.create(base + "/loop")))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("more than 5 redirects");
  }

  @Test
  void bodiesOverTheLimitAreRefused() {
    assertThatThrownBy(() -> allowing(1000, Duration.ofSeconds(5)).fetch(URI.create(base + "/big")))
        .isInstanceOf(PayloadTooLarge.class);
  }

  @Test
  void errorStatusIsAnUpstreamFailure() {
    assertThatThrownBy(
            () -> allowing(1000, Duration.ofSeconds(5)).fetch(URI.create(base + "/missing")))
        .isInstanceOf(UpstreamFailure.class)
        .hasMessageContaining("HTTP 404");
  }

  @Test
  void tricklingServerIsCutOffAtTheTimeLimit() {
    long start = System.nanoTime();
    assertThatThrownBy(
            () -> allowing(1000, Duration.ofMillis(800)).fetch(URI.create(base + "/slow")))
        .isInstanceOf(UpstreamFailure.class)
        .hasMessageContaining("took longer than");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void internalAddressPolicy() throws Exception {
    for (String internal :
        new String[] {
          "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
          "100.64.0.1", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "64:ff9b::a00:1"
        }) {
      assertThat(UriPolicy.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
    }
    for (String external : new String[] {"93.184.216.34", "8.8.8.8", "2606:4700::1111"}) {
      assertThat(UriPolicy.isInternal(InetAddress.getByName(external))).as(external).isFalse();
    }
  }
}
