package dev.lectern.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The requests the benchmark sends, through the public HTTP APIs only; each client thread has its
 * own kept-alive connection.
 */
final class Api implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final String token;
  private final Queue<KeepAliveClient> opened = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<KeepAliveClient> clients =
      ThreadLocal.withInitial(
          () -> {
            KeepAliveClient client = new KeepAliveClient(base(), token());
            opened.add(client);
            return client;
          });

  Api(String base, String token) {
    this.base = base;
    this.token = token;
  }

  private String base() {
    return base;
  }

  private String token() {
    return token;
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static JsonNode parse(String json) throws IOException {
    return JSON.readTree(json);
  }

  /** Creates a RAGFlow dataset and returns its id. */
  String createDataset(String name, String language, int chunkTokens) throws IOException {
    ObjectNode body = object().put("name", name).put("language", language);
    body.putObject("parser_config").put("chunk_token_num", chunkTokens);
    return parse(ragflow("/api/v1/datasets", body)).path("data").path("id").asText();
  }

  /** Chunks of a RAGFlow dataset, as its list entry reports them. */
  long datasetChunkCount(String datasetId) throws IOException {
    String answer =
        ok(
            "/api/v1/datasets?id=" + datasetId,
            clients.get().get("/api/v1/datasets?id=" + datasetId));
    return parse(answer).path("data").path(0).path("chunk_count").asLong(-1);
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

  /** The cheapest request there is: what HTTP alone costs. */
  void health() throws IOException {
    ok("/health", clients.get().get("/health"));
  }

  @Override
  public void close() throws IOException {
    for (KeepAliveClient client : opened) {
      client.close();
    }
  }

  private String ragflow(String path, ObjectNode body) throws IOException {
    String answer = post(path, body);
    if (!answer.startsWith("{\"code\":0")) {
      throw new IOException(path + " answered " + abbreviate(answer));
    }
    return answer;
  }

  private String post(String path, ObjectNode body) throws IOException {
    return ok(path, clients.get().post(path, JSON.writeValueAsBytes(body)));
  }

  private static String ok(String path, KeepAliveClient.Response response) throws IOException {
    if (response.status() != 200) {
      throw new IOException(
          path + " answered HTTP " + response.status() + ": " + abbreviate(response.body()));
    }
    return response.body();
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
