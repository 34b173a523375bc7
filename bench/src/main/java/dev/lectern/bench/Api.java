package dev.lectern.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The requests the benchmark sends, through the public HTTP APIs only. */
final class Api {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String base;
  private final String authorization;

  Api(String base, String token) {
    this.base = base;
    this.authorization = "Bearer " + token;
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** Creates a RAGFlow dataset and returns its id. */
  String createDataset(String name, String language, int chunkTokens) throws IOException {
    ObjectNode body = object().put("name", name).put("language", language);
    body.putObject("parser_config").put("chunk_token_num", chunkTokens);
    JsonNode answer = JSON.readTree(ragflow("/api/v1/datasets", body));
    return answer.path("data").path("id").asText();
  }

  /** Zylon synchronous ingest of a text; returns once Lectern answered 200 (durable). */
  void ingest(String collection, String artifact, String fileName, String text) throws IOException {
    ObjectNode body = object().put("collection", collection).put("artifact", artifact);
    body.putObject("input").put("type", "text").put("value", text);
    body.putObject("metadata").put("file_name", fileName);
    post("/api/gpt/v1/artifacts/ingest", body);
  }

  /** RAGFlow retrieval with a client's usual fields; the raw answer. */
  String retrieval(String datasetId, String question, int pageSize, double threshold)
      throws IOException {
    ObjectNode body = object().put("question", question);
    body.putArray("dataset_ids").add(datasetId);
    body.put("page_size", pageSize).put("similarity_threshold", threshold);
    return ragflow("/api/v1/retrieval", body);
  }

  /** Zylon keyword search over one collection; the raw answer. */
  String search(String collection, String text, int limit) throws IOException {
    ObjectNode body = object().put("text", text).put("limit", limit);
    body.putObject("context_filter").put("collection", collection);
    return post("/api/gpt/v1/primitives/search", body);
  }

  /** Chunks of a RAGFlow dataset, as its list entry reports them. */
  long datasetChunkCount(String datasetId) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/datasets?id=" + datasetId))
            .header("Authorization", authorization)
            .timeout(Duration.ofSeconds(60))
            .build();
    JsonNode answer = JSON.readTree(send(request, "/api/v1/datasets"));
    return answer.path("data").path(0).path("chunk_count").asLong(-1);
  }

  static JsonNode parse(String json) throws IOException {
    return JSON.readTree(json);
  }

  private String ragflow(String path, ObjectNode body) throws IOException {
    String answer = post(path, body);
    if (!answer.startsWith("{\"code\":0")) {
      throw new IOException(path + " answered " + abbreviate(answer));
    }
    return answer;
  }

  private String post(String path, ObjectNode body) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(120))
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
            .build();
    return send(request, path);
  }

  private String send(HttpRequest request, String path) throws IOException {
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new IOException(
          path + " answered HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
    }
    return response.body();
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
