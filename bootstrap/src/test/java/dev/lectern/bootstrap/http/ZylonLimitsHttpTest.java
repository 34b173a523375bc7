package dev.lectern.bootstrap.http;

import static dev.lectern.bootstrap.http.RunningLectern.ADMIN;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.BASE;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.fileIngest;
import static dev.lectern.bootstrap.http.ZylonArtifactsHttpTest.textIngest;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.lectern.bootstrap.http.RunningLectern.Reply;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Size limits (413) and URI ingest from a local server the operator allowed. */
class ZylonLimitsHttpTest {
  @TempDir static Path dir;
  static RunningLectern lectern;
  static HttpServer site;
  static String siteUrl;

  @BeforeAll
  static void start() throws Exception {
    lectern = RunningLectern.start(dir, c -> c.limits(4096, 1000).allowPrivateUris(true));
    site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    site.createContext(
        "/guide",
        exchange -> {
          byte[] page =
              "<html><head><title>Guide</title></head><body><h2>Setup</h2><p>Turn the valve left.</p></body></html>"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    site.createContext(
        "/huge.txt",
        exchange -> {
          byte[] page = "y".repeat(5000).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    site.start();
    siteUrl = "http://127.0.0.1:" + site.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    site.stop(0);
    lectern.close();
  }

  @Test
  void webPageFromAnAllowedLocalServerIsIngested() {
    String body =
        """
        {"collection":"web","artifact":"guide","input":{"type":"uri","value":"%s/guide"}}"""
            .formatted(siteUrl);
    Reply reply = lectern.post(BASE + "ingest", ADMIN, body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().at("/data/0/doc_metadata/file_name").asText()).isEqualTo("guide");

    Reply content =
        lectern.post(BASE + "content", ADMIN, "{\"context_filter\":{\"collection\":\"web\"}}");
    assertThat(content.json().at("/data/0/content").asText())
        .isEqualTo("# Guide\n\n## Setup\n\nTurn the valve left.");
  }

  @Test
  void oversizeDecodedFileIs413() {
    Reply reply =
        lectern.post(BASE + "ingest", ADMIN, fileIngest("big", "f", new byte[1500], "f.txt"));
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().at("/error/type").asText()).isEqualTo("request_too_large");
    assertThat(reply.json().at("/error/message").asText()).contains("input.value");
  }

  @Test
  void oversizeTextIs413() {
    Reply reply =
        lectern.post(BASE + "ingest", ADMIN, textIngest("big", "t", "z".repeat(1200), "{}"));
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().at("/error/type").asText()).isEqualTo("request_too_large");
  }

  @Test
  void oversizeBodyIs413() {
    Reply reply = lectern.post(BASE + "ingest", ADMIN, "{\"pad\":\"" + "p".repeat(5000) + "\"}");
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().at("/error/message").asText()).contains("body");
  }

  @Test
  void oversizeDownloadIs413() {
    String body =
        """
        {"collection":"web","artifact":"huge","input":{"type":"uri","value":"%s/huge.txt"}}"""
            .formatted(siteUrl);
    Reply reply = lectern.post(BASE + "ingest", ADMIN, body);
    assertThat(reply.status()).isEqualTo(413);
  }
}
