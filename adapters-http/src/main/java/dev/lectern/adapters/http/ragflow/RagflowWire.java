package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.port.in.dataset.DatasetView;
import dev.lectern.application.port.in.document.DocumentView;
import dev.lectern.application.port.in.retrieval.Retrieval;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactStatus;
import dev.lectern.domain.artifact.DocumentEntry;
import dev.lectern.domain.artifact.ParseState;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.collection.ChunkMethod;
import dev.lectern.domain.collection.Collection;
import dev.lectern.domain.collection.DatasetProfile;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** RAGFlow's JSON shapes. */
final class RagflowWire {
  private RagflowWire() {}

  static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  /** A dataset object. */
  static ObjectNode dataset(DatasetView view) {
    Collection collection = view.collection();
    DatasetProfile profile = collection.profile();
    ObjectNode node = Json.object();
    node.put("id", collection.id().value());
    node.put("name", collection.name());
    node.put("avatar", profile.avatar());
    node.put("description", profile.description());
    node.put("embedding_model", profile.embeddingModel());
    node.put("permission", profile.permission());
    node.put("chunk_method", profile.chunkMethod().code());
    node.set(
        "parser_config",
        profile.parserConfig().isEmpty()
            ? RagflowParserConfigs.methodDefault(profile.chunkMethod().code())
            : Json.MAPPER.valueToTree(profile.parserConfig()));
    node.put("pagerank", profile.pagerank());
    node.put("chunk_count", view.chunkCount());
    node.put("document_count", view.documentCount());
    node.put("token_num", view.tokenCount());
    node.put("language", collection.language().displayName());
    node.put("similarity_threshold", 0.2);
    node.put("vector_similarity_weight", 0.3);
    node.put("status", "1");
    node.put("tenant_id", collection.orgId());
    node.put("created_by", collection.orgId());
    times(node, collection.createdAt(), collection.updatedAt());
    return node;
  }

  /** The four RAGFlow timestamps: epoch milliseconds and HTTP dates. */
  static void times(ObjectNode node, Instant created, Instant updated) {
    node.put("create_time", created.toEpochMilli());
    node.put("create_date", HTTP_DATE.format(created));
    node.put("update_time", updated.toEpochMilli());
    node.put("update_date", HTTP_DATE.format(updated));
  }

  /** A document as upload returns it. */
  static ObjectNode uploadedDocument(DocumentView view) {
    DocumentEntry entry = view.entry();
    ObjectNode node = Json.object();
    node.put("id", entry.key().artifactId().value());
    node.put("name", entry.name());
    node.put("location", entry.name());
    node.put("dataset_id", entry.key().collectionId().value());
    node.put("chunk_method", entry.chunkMethod().code());
    node.set("parser_config", parserConfig(entry));
    node.put("size", entry.sizeBytes());
    node.put("type", type(entry));
    node.put("suffix", entry.suffix());
    node.putNull("thumbnail");
    node.put("created_by", entry.key().orgId());
    node.put("run", run(entry.parse().run()));
    return node;
  }

  /** RAGFlow's name for a parse status. */
  static String run(ArtifactStatus status) {
    return switch (status) {
      case PENDING -> "UNSTART";
      case RUNNING -> "RUNNING";
      case CANCELLED -> "CANCEL";
      case DONE -> "DONE";
      case FAILED -> "FAIL";
    };
  }

  /** A document as list and update return it. */
  static ObjectNode document(DocumentView view) {
    DocumentEntry entry = view.entry();
    ParseState parse = entry.parse();
    ObjectNode node = Json.object();
    node.put("id", entry.key().artifactId().value());
    node.put("name", entry.name());
    node.put("type", type(entry));
    node.put("suffix", entry.suffix());
    node.put("size", entry.sizeBytes());
    node.put("location", entry.name());
    node.put("source_type", "local");
    node.put("status", entry.enabled() ? "1" : "0");
    node.put("run", run(parse.run()));
    node.put("progress", parse.progress());
    node.put("progress_msg", RagflowParsingWords.progress(parse.message()));
    if (parse.beganAt() == null) {
      node.putNull("process_begin_at");
    } else {
      node.put("process_begin_at", HTTP_DATE.format(parse.beganAt()));
    }
    node.put("process_duration", parse.durationSeconds());
    node.put("dataset_id", entry.key().collectionId().value());
    node.put("chunk_method", entry.chunkMethod().code());
    node.set("parser_config", parserConfig(entry));
    node.put("chunk_count", view.chunkCount());
    node.put("token_count", view.tokenCount());
    node.set("meta_fields", Json.MAPPER.valueToTree(entry.metaFields()));
    node.put("pipeline_id", "");
    node.putNull("thumbnail");
    node.put("created_by", entry.key().orgId());
    times(node, entry.createdAt(), entry.updatedAt());
    return node;
  }

  private static JsonNode parserConfig(DocumentEntry entry) {
    return entry.parserConfig().isEmpty()
        ? RagflowParserConfigs.methodDefault(entry.chunkMethod().code())
        : Json.MAPPER.valueToTree(entry.parserConfig());
  }

  /** RAGFlow's coarse file type. */
  static String type(DocumentEntry entry) {
    return entry.suffix().equals("pdf") ? "pdf" : "doc";
  }

  /** A chunk as {@code /retrieval} returns it. */
  static ObjectNode retrievedChunk(Retrieval.RetrievedChunk hit, boolean highlight) {
    Artifact artifact = hit.artifact();
    Chunk chunk = hit.chunk();
    ObjectNode node = Json.object();
    node.put("id", chunk.id());
    node.put("content", chunk.text());
    node.put("content_ltks", chunk.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip());
    node.put("document_id", artifact.key().artifactId().value());
    node.put("document_keyword", artifact.current().fileName());
    node.put("dataset_id", artifact.key().collectionId().value());
    node.put("image_id", "");
    node.set("important_keywords", Json.MAPPER.valueToTree(chunk.keywords()));
    node.set("questions", Json.MAPPER.valueToTree(chunk.questions()));
    node.putArray("positions");
    node.put("similarity", hit.score());
    node.put("vector_similarity", 0.0);
    node.put("term_similarity", hit.score());
    if (highlight) {
      node.put("highlight", hit.highlighted() == null ? chunk.text() : hit.highlighted());
    }
    return node;
  }

  /** A chunk method RAGFlow's validation let through (its lists hold only known methods). */
  static ChunkMethod chunkMethod(String code) {
    return ChunkMethod.fromCode(code)
        .orElseThrow(() -> RagflowErrors.argument("Unknown chunk method '" + code + "'"));
  }
}
