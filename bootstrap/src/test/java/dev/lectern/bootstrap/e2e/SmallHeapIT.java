package dev.lectern.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server JVM on a 96 MiB heap: chunked content of five 10 MiB artifacts in 50-token chunks (a
 * response of more than twice the heap) streams to the end, and the server stays healthy and keeps
 * running background tasks. Before streaming, a response had to fit the heap whole, and running it
 * out killed a task worker. (The benchmark's {@code --hostile} run reads a gigabyte of it through a
 * 512 MiB heap.)
 */
@Tag("slow")
class SmallHeapIT {
  private static final int ARTIFACTS = 5;
  private static final int ARTIFACT_BYTES = 10 * 1024 * 1024;
  private static final long HEAP_BYTES = 96L * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void chunkedContentOfFiveLargeArtifactsStreamsOnASmallHeap() throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    HttpClient client = HttpClient.newHttpClient();
    LecternProcess ingesting = LecternProcess.start(data);
    String token = Files.readString(data.resolve("admin-token")).strip();
    try {
      for (int i = 0; i < ARTIFACTS; i++) {
        HttpResponse<String> ingested =
            client.send(
                post(ingesting, "/api/gpt/v1/artifacts/ingest", token, ingestBody(i)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);
      }
    } finally {
      assertThat(ingesting.stop()).isZero();
    }

    LecternProcess lectern =
        LecternProcess.start(List.of("-Xmx" + HEAP_BYTES / (1024 * 1024) + "m"), data);
    try {

      HttpResponse<InputStream> chunked =
          client.send(
              post(
                  lectern,
                  "/api/gpt/v1/artifacts/chunked-content",
                  token,
                  "{\"context_filter\":{\"collection\":\"big\"},\"max_tokens\":50}"
                      .getBytes(StandardCharsets.UTF_8)),
              HttpResponse.BodyHandlers.ofInputStream());
      assertThat(chunked.statusCode()).isEqualTo(200);
      long[] counted = countEntries(chunked.body());
      assertThat(counted[0]).as("chunks").isGreaterThan(200_000);
      assertThat(counted[1]).as("bytes").isGreaterThan(2 * HEAP_BYTES);

      assertThat(lectern.alive()).isTrue();
      HttpResponse<String> health =
          client.send(
              HttpRequest.newBuilder(uri(lectern, "/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
      HttpResponse<String> task =
          client.send(
              post(
                  lectern,
                  "/api/gpt/v1/artifacts/ingest/async",
                  token,
                  "{\"ingest_body\":{\"collection\":\"big\",\"artifact\":\"after\",\"input\":"
                      .concat("{\"type\":\"text\",\"value\":\"still working\"}}}")
                      .getBytes(StandardCharsets.UTF_8)),
              HttpResponse.BodyHandlers.ofString());
      String taskId = task.body().replaceAll(".*\"task_id\":\"([^\"]+)\".*", "$1");
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      String status = "";
      while (!status.contains("SUCCESS") && System.nanoTime() < deadline) {
        Thread.sleep(100);
        status =
            client
                .send(
                    HttpRequest.newBuilder(
                            uri(lectern, "/api/gpt/v1/artifacts/ingest/async/" + taskId))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
      }
      assertThat(status).as("a background task still runs").contains("\"SUCCESS\"");
      assertThat(lectern.logText()).doesNotContain("OutOfMemoryError");
    } finally {
      lectern.kill();
    }
  }

  /** Reads the whole response as a stream: how many {@code data} entries and bytes it held. */
  private static long[] countEntries(InputStream body) throws Exception {
    CountingStream counting = new CountingStream(body);
    long entries = 0;
    try (JsonParser json = new JsonFactory().createParser(counting)) {
      assertThat(json.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      assertThat(json.nextFieldName()).isEqualTo("data");
      assertThat(json.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      while (json.nextToken() == JsonToken.START_OBJECT) {
        json.skipChildren();
        entries++;
      }
      assertThat(json.currentToken()).isEqualTo(JsonToken.END_ARRAY);
      assertThat(json.nextToken()).isEqualTo(JsonToken.END_OBJECT);
    }
    return new long[] {entries, counting.count};
  }

  /**
   * Sentences of a vocabulary of invented words drawn as a natural language would (a few words very
   * often, most rarely), different for every artifact, {@code ARTIFACT_BYTES} long.
   */
  private static byte[] ingestBody(int artifact) {
    Random random = new Random(artifact);
    String[] vocabulary = new String[20_000];
    Random words = new Random(42);
    for (int i = 0; i < vocabulary.length; i++) {
      StringBuilder word = new StringBuilder();
      int letters = 2 + words.nextInt(9);
      for (int l = 0; l < letters; l++) {
        word.append((char) ('a' + words.nextInt(26)));
      }
      vocabulary[i] = word.toString();
    }
    StringBuilder text = new StringBuilder(ARTIFACT_BYTES + 64);
    while (text.length() < ARTIFACT_BYTES) {
      int length = 8 + random.nextInt(20);
      for (int w = 0; w < length; w++) {
        // Rank r comes up about as often as 1/r: a Zipf law, as words in a language do.
        int rank = (int) Math.floor(Math.pow(vocabulary.length, random.nextDouble())) - 1;
        text.append(vocabulary[rank]).append(w + 1 == length ? ". " : " ");
      }
      if (random.nextInt(6) == 0) {
        text.append("\\n\\n");
      }
    }
    text.setLength(ARTIFACT_BYTES);
    if (text.charAt(text.length() - 1) == '\\') {
      text.setCharAt(text.length() - 1, '.');
    }
    String json =
        "{\"collection\":\"big\",\"artifact\":\"vol"
            + artifact
            + "\",\"input\":{\"type\":\"text\",\"value\":\""
            + text
            + "\"},\"metadata\":{\"file_name\":\"vol"
            + artifact
            + ".txt\"}}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static HttpRequest post(LecternProcess lectern, String path, String token, byte[] body) {
    return HttpRequest.newBuilder(uri(lectern, path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofMinutes(5))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private static URI uri(LecternProcess lectern, String path) {
    return URI.create("http://127.0.0.1:" + lectern.port + path);
  }

  /** Counts the bytes read through it. */
  private static final class CountingStream extends java.io.FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws java.io.IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
