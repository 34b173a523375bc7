package dev.lectern.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.llm.openai.FakeUpstream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answer side's attacks against a server on a 512 MiB heap, as they were found: four anonymous
 * 60 MB calls to a public agent, three 60 MB {@code /messages} with a token, and forty readers of a
 * model that ignores {@code max_tokens} and would write 30 MB each. Before, each ran the heap out
 * and the server exited; now each is refused or cut, and the server answers the next question.
 */
@Tag("slow")
class AnswerMemorySmallHeapIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BIG = 60 * 1024 * 1024;

  @TempDir Path dir;

  /** Echoes a question, except one asked to go on forever: that answer would be 30 MB. */
  private static FakeUpstream.Answer model(FakeUpstream upstream) {
    return exchange -> {
      JsonNode sent = JSON.readTree(upstream.bodies.getLast());
      JsonNode messages = sent.get("messages");
      String last = messages.get(messages.size() - 1).get("content").asText();
      boolean forever = last.contains("forever");
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      ObjectNode chunk = JSON.createObjectNode();
      chunk
          .putArray("choices")
          .addObject()
          .putObject("delta")
          .put("content", forever ? "и снова и снова " : "echo: " + last);
      byte[] line = ("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < (forever ? 30L << 20 : 1); written += line.length) {
        out.write(line);
      }
      out.write(
          "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"
              .getBytes(StandardCharsets.UTF_8));
    };
  }

  @Test
  void attacksOnTheAnswerSideLeaveASmallHeapServerAnswering() throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    try (FakeUpstream upstream = new FakeUpstream()) {
      upstream.answering(model(upstream));
      LecternProcess lectern =
          LecternProcess.start(
              List.of("-Xmx512m"),
              data,
              "--llm-base-url",
              upstream.base().toString(),
              "--llm-model",
              "fake");
      try {
        String token = Files.readString(data.resolve("admin-token")).strip();
        HttpClient client = HttpClient.newHttpClient();
        String agent =
            JSON.readTree(
                    send(
                            client,
                            lectern,
                            "/lectern/v1/assistants",
                            token,
                            "{\"name\":\"Widget\",\"knowledge_required\":false,\"access\":\"public\"}"
                                .getBytes(StandardCharsets.UTF_8))
                        .body())
                .get("id")
                .asText();
        String call = "/api/v1/cloud-ai/agents/" + agent + "/call";

        List<Integer> anonymous =
            concurrently(
                4, () -> status(client, lectern, call, null, big("{\"message\":\"", "\"}")));
        assertHealthy(client, lectern);
        List<Integer> zylon =
            concurrently(
                3,
                () ->
                    status(
                        client,
                        lectern,
                        "/api/gpt/v1/messages",
                        token,
                        big("{\"messages\":[{\"role\":\"user\",\"content\":\"", "\"}]}")));
        assertHealthy(client, lectern);
        AtomicInteger reader = new AtomicInteger();
        List<Integer> readers =
            concurrently(
                40,
                () ->
                    status(
                        client,
                        lectern,
                        "/api/gpt/v1/messages",
                        token,
                        // Half ask for 200 tokens, half for no limit: the longest answer kept.
                        ("{"
                                + (reader.getAndIncrement() % 2 == 0 ? "\"max_tokens\":200," : "")
                                + "\"messages\":[{\"role\":\"user\",\"content\":\"go on forever\"}]}")
                            .getBytes(StandardCharsets.UTF_8)));
        List<Integer> unbounded =
            concurrently(
                20,
                () ->
                    status(
                        client,
                        lectern,
                        call,
                        token,
                        "{\"message\":\"go on forever\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(anonymous)
            .as("refused (413) or cut off while sending")
            .allMatch(s -> s == 413 || s == -1);
        assertThat(zylon).allMatch(s -> s == 413 || s == -1);
        assertThat(readers)
            .as("cut for length, or asked to come back")
            .allMatch(s -> s == 200 || s == 429);
        assertThat(readers).contains(200);
        assertThat(unbounded).allMatch(s -> s == 200 || s == 429);
        assertThat(lectern.alive()).as("the server survived").isTrue();

        HttpResponse<String> normal =
            send(
                client,
                lectern,
                call,
                null,
                "{\"message\":\"hello\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(normal.statusCode()).as(normal.body()).isEqualTo(200);
        assertThat(JSON.readTree(normal.body()).get("message").asText()).isEqualTo("echo: hello");
        assertThat(JSON.readTree(normal.body()).get("finish_reason").asText()).isEqualTo("stop");
        assertThat(lectern.logText()).doesNotContain("OutOfMemoryError");
      } finally {
        lectern.kill();
      }
    }
  }

  /** The server is still running and says it is healthy. */
  private static void assertHealthy(HttpClient client, LecternProcess lectern) throws Exception {
    assertThat(lectern.alive()).as("the server survived").isTrue();
    HttpResponse<String> health =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lectern.port + "/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
  }

  private static byte[] big(String head, String tail) {
    byte[] body = new byte[BIG];
    Arrays.fill(body, (byte) 'a');
    byte[] start = head.getBytes(StandardCharsets.UTF_8);
    byte[] end = tail.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(start, 0, body, 0, start.length);
    System.arraycopy(end, 0, body, body.length - end.length, end.length);
    return body;
  }

  private interface Call {
    int run() throws Exception;
  }

  private static List<Integer> concurrently(int times, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(times);
    try {
      List<Future<Integer>> running = new ArrayList<>();
      for (int i = 0; i < times; i++) {
        running.add(pool.submit(call::run));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> one : running) {
        statuses.add(one.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The status of the answer, or -1 when the server closed the connection while it was sent. */
  private static int status(
      HttpClient client, LecternProcess lectern, String path, String token, byte[] body)
      throws InterruptedException {
    try {
      return send(client, lectern, path, token, body).statusCode();
    } catch (IOException closedWhileSending) {
      return -1;
    }
  }

  private static HttpResponse<String> send(
      HttpClient client, LecternProcess lectern, String path, String token, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lectern.port + path))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofMinutes(3))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
