package dev.lectern.bootstrap.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.application.service.access.InitializeInstallationService;
import dev.lectern.bootstrap.LecternConfig;
import dev.lectern.bootstrap.MetadataStores;
import dev.lectern.bootstrap.Wiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** A real Lectern on a random port over a temporary data directory, and a client for it. */
public final class RunningLectern implements AutoCloseable {
  public static final String ADMIN = "lct_test-admin-secret-for-http-tests";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MetadataStores stores;
  private final Wiring wiring;
  private final HttpClient client = HttpClient.newHttpClient();

  private RunningLectern(MetadataStores stores, Wiring wiring) {
    this.stores = stores;
    this.wiring = wiring;
  }

  public static RunningLectern start(Path dataDir, UnaryOperator<LecternConfig.Builder> tweak) {
    LecternConfig config = tweak.apply(LecternConfig.builder(dataDir).port(0)).build();
    MetadataStores stores = MetadataStores.open(config, 8);
    new InitializeInstallationService(stores.orgs(), stores.tokens(), Clock.systemUTC())
        .initialize(ADMIN);
    return new RunningLectern(stores, Wiring.start(config, stores));
  }

  public static RunningLectern start(Path dataDir) {
    return start(dataDir, UnaryOperator.identity());
  }

  public MetadataStores stores() {
    return stores;
  }

  public Wiring wiring() {
    return wiring;
  }

  /** A response with its parsed JSON body. */
  public record Reply(int status, String body, HttpResponse<String> raw) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  public Reply get(String path, String token, String... headers) {
    return send(request(path, token, headers).GET());
  }

  public Reply post(String path, String token, String body, String... headers) {
    return send(
        request(path, token, headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Any method with a body of the given content type (none when null). */
  public Reply send(String method, String path, String token, String body, String contentType) {
    HttpRequest.Builder builder = request(path, token);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(
        builder.method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A multipart/form-data POST with one {@code file} part per entry (name → bytes). */
  public Reply upload(
      String path,
      String token,
      String field,
      java.util.List<java.util.Map.Entry<String, byte[]>> files) {
    String boundary = "lectern-test-boundary-" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    for (var file : files) {
      String head =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + field
              + "\"; filename=\""
              + file.getKey()
              + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
      body.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      body.writeBytes(file.getValue());
      body.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return send(
        request(path, token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** A GET whose raw bytes are returned. */
  public byte[] getBytes(String path, String token) {
    try {
      return client
          .send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray())
          .body();
    } catch (IOException e) {
      throw new AssertionError("request failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  public Reply postBytes(String path, String token, byte[] body) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpRequest.Builder request(String path, String token, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wiring.port() + path))
            .timeout(Duration.ofSeconds(60));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new AssertionError("request failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Ingests a text through Zylon's API with the admin token; the collection is made if new. */
  /** A RAGFlow chat over one dataset, made with the admin token; its id. */
  public String ragflowChat(String name, String datasetId) {
    Reply reply =
        post(
            "/api/v1/chats",
            ADMIN,
            "{\"name\":\"" + name + "\",\"dataset_ids\":[\"" + datasetId + "\"]}");
    if (reply.json().path("code").asInt(-1) != 0) {
      throw new AssertionError("creating the chat failed: " + reply.body());
    }
    return reply.json().at("/data/id").asText();
  }

  public void ingestText(String collection, String artifact, String text, String fileName) {
    Reply reply =
        post(
            "/api/gpt/v1/artifacts/ingest",
            ADMIN,
            ZylonArtifactsHttpTest.textIngest(
                collection, artifact, text, "{\"file_name\":\"" + fileName + "\"}"));
    if (reply.status() != 200) {
      throw new AssertionError("ingest failed: " + reply.body());
    }
  }

  /**
   * Posts a JSON body with the admin token on a raw connection, reads the response until {@code
   * until} has arrived, then hangs up: a client that leaves in the middle of a stream.
   *
   * @return what had arrived
   */
  public String postAndLeave(String path, String body, String until) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", wiring.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + ADMIN
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.getBytes(StandardCharsets.UTF_8).length
                  + "\r\n\r\n"
                  + body)
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder seen = new StringBuilder();
      byte[] buffer = new byte[512];
      while (!seen.toString().contains(until)) {
        int n = in.read(buffer);
        if (n < 0) {
          throw new AssertionError("the stream ended before '" + until + "': " + seen);
        }
        seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
      return seen.toString();
    }
  }

  @Override
  public void close() {
    wiring.close();
  }
}
