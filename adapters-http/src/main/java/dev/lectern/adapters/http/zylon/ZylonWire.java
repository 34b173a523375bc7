package dev.lectern.adapters.http.zylon;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.JsonStream;
import dev.lectern.application.port.in.artifact.ArtifactChunk;
import dev.lectern.application.port.in.artifact.ArtifactContent;
import dev.lectern.application.port.in.artifact.ArtifactTask;
import dev.lectern.application.port.in.artifact.IngestedDocument;
import dev.lectern.application.port.in.artifact.ReadChunkedContentUseCase;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.task.TaskId;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Zylon response shapes, field by field and in the documented order. */
final class ZylonWire {
  static final String MODEL = "private-gpt";
  private static final Set<String> SERVER_KEYS =
      Set.of("headers", "artifact_id", "collection", "llm_model", "embed_model", "hash");
  private static final String CITATION_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private ZylonWire() {}

  /** {@code {"object":"list","model":"private-gpt","data":[…]}}. */
  static ObjectNode list(List<ObjectNode> documents) {
    ObjectNode body = Json.object();
    body.put("object", "list");
    body.put("model", MODEL);
    body.putArray("data").addAll(documents);
    return body;
  }

  /** The {@code ingest.document} returned by ingest: caller metadata plus server fields. */
  static ObjectNode ingestedDocument(IngestedDocument ingested) {
    Map<String, Object> metadata = callerMetadata(ingested.metadata());
    metadata.put("headers", List.of());
    metadata.put("artifact_id", ingested.key().artifactId().value());
    metadata.put("collection", ingested.key().collectionId().value());
    metadata.put("llm_model", "default");
    metadata.put("embed_model", "default");
    metadata.put("hash", ingested.hash().hex());
    return document(ingested.key(), metadata);
  }

  /**
   * An async task as Zylon reports it: Celery's state names, and the ingest response, null, or
   * {@code "<operation>.failed: <reason>"} as the result.
   */
  static ObjectNode task(ArtifactTask task, String operation) {
    ObjectNode body = Json.object();
    body.put("task_id", task.id().value());
    body.put(
        "task_status",
        switch (task.status()) {
          case PENDING -> "PENDING";
          case RUNNING -> "STARTED";
          case SUCCESS -> "SUCCESS";
          case FAILURE -> "FAILURE";
          case CANCELLED -> "REVOKED";
        });
    switch (task.status()) {
      case SUCCESS ->
          body.set(
              "task_result",
              operation.equals("ingest")
                  ? list(task.documents().stream().map(ZylonWire::ingestedDocument).toList())
                  : NullNode.getInstance());
      case FAILURE -> body.put("task_result", operation + ".failed: " + task.error());
      case CANCELLED -> body.put("task_result", operation + ".revoked: " + task.error());
      default -> body.putNull("task_result");
    }
    return body;
  }

  static ObjectNode taskId(TaskId id) {
    ObjectNode body = Json.object();
    body.put("task_id", id.value());
    return body;
  }

  /** The {@code ingest.document} returned by list: caller metadata, artifact and collection. */
  static ObjectNode listedDocument(Artifact artifact) {
    Map<String, Object> metadata = callerMetadata(artifact.current().metadata());
    metadata.put("artifact_id", artifact.key().artifactId().value());
    metadata.put("collection", artifact.key().collectionId().value());
    return document(artifact.key(), metadata);
  }

  /** {@link #list}, written as the documents come. */
  static void writeList(JsonGenerator json, Iterable<ObjectNode> documents) throws IOException {
    json.writeStartObject();
    json.writeStringField("object", "list");
    json.writeStringField("model", MODEL);
    json.writeArrayFieldStart("data");
    for (ObjectNode document : documents) {
      json.writeTree(document);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** {@code {"data":[{"artifact_id","content"}…]}}, each text streamed from its store. */
  static void writeContent(JsonGenerator json, Iterable<ArtifactContent> contents)
      throws IOException {
    json.writeStartObject();
    json.writeArrayFieldStart("data");
    for (ArtifactContent content : contents) {
      json.writeStartObject();
      json.writeStringField("artifact_id", content.artifact().key().artifactId().value());
      json.writeFieldName("content");
      try (Reader text = new InputStreamReader(content.text().open(), StandardCharsets.UTF_8)) {
        json.writeString(text, -1);
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** {@code {"data":[…]}} with one entry per chunk, written as the chunks come. */
  static void writeChunkedContent(
      JsonGenerator json, ReadChunkedContentUseCase.ChunkedContent chunks) throws IOException {
    json.writeStartObject();
    json.writeArrayFieldStart("data");
    JsonStream.forEach(json, chunks::forEach, ZylonWire::chunkedEntry);
    json.writeEndArray();
    json.writeEndObject();
  }

  /** One {@code data} entry of chunked content: a {@code source} block, then the text. */
  static ObjectNode chunkedEntry(ArtifactChunk item) {
    String citation = citationId(item.chunk().id());
    ObjectNode entry = Json.object();
    entry.put("artifact_id", item.artifact().key().artifactId().value());
    ArrayNode content = entry.putArray("content");
    ObjectNode source = content.addObject();
    source.put("type", "source");
    source.putArray("sources").add(contextChunk(item, citation));
    content.addObject().put("type", "text").put("text", contextText(citation, item.chunk().text()));
    return entry;
  }

  /** A chunk as the formatted context text Zylon gives a model and its clients. */
  static String contextText(String citation, String text) {
    return "**Context Information**:\nCitation identifier ["
        + citation
        + "]\n---\nContent:\n"
        + text
        + "\n===\n";
  }

  /** A {@code context.chunk} source item. */
  static ObjectNode contextChunk(ArtifactChunk item, String citation) {
    return contextChunk(item, citation, 0.0);
  }

  /** A {@code context.chunk} source item with the score a search gave it. */
  static ObjectNode contextChunk(ArtifactChunk item, String citation, double score) {
    Artifact artifact = item.artifact();
    Chunk chunk = item.chunk();
    ObjectNode node = Json.object();
    node.put("object", "context.chunk");
    node.put("id", chunk.id());
    node.put("score", score);
    ObjectNode document = node.putObject("document");
    document.put("object", "ingest.document");
    document.put("artifact", artifact.key().artifactId().value());
    ObjectNode docMetadata = document.putObject("doc_metadata");
    docMetadata.put("file_name", artifact.current().fileName());
    docMetadata.put("artifact_id", artifact.key().artifactId().value());
    docMetadata.put("collection", artifact.key().collectionId().value());
    node.put("text", chunk.text());
    node.put("content_type", "text/markdown");
    node.putArray("previous_texts");
    node.putArray("next_texts");
    ObjectNode metadata = node.putObject("metadata");
    metadata.put("abs_idx", chunk.position());
    metadata.put("rel_idx", chunk.position());
    if (!chunk.headingPath().isEmpty()) {
      metadata.put("title", chunk.headingPath().get(chunk.headingPath().size() - 1));
    }
    metadata.put("shorter_id", citation);
    return node;
  }

  /** A stable 4-character citation id derived from a chunk id. */
  static String citationId(String chunkId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(chunkId.getBytes(StandardCharsets.UTF_8));
      StringBuilder id = new StringBuilder(4);
      for (int i = 0; i < 4; i++) {
        id.append(CITATION_ALPHABET.charAt((digest[i] & 0xff) % CITATION_ALPHABET.length()));
      }
      return id.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private static Map<String, Object> callerMetadata(Map<String, Object> stored) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    stored.forEach(
        (key, value) -> {
          if (!SERVER_KEYS.contains(key)) {
            metadata.put(key, value);
          }
        });
    return metadata;
  }

  private static ObjectNode document(ArtifactKey key, Map<String, Object> metadata) {
    ObjectNode node = Json.object();
    node.put("object", "ingest.document");
    node.put("artifact", key.artifactId().value());
    node.set("doc_metadata", Json.MAPPER.valueToTree(metadata));
    return node;
  }
}
