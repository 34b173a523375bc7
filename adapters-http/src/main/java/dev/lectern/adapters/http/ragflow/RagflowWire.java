package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.port.in.dataset.DatasetView;
import dev.lectern.application.port.in.retrieval.Retrieval;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.collection.Collection;
import dev.lectern.domain.collection.DatasetProfile;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** RAGFlow's JSON shapes. */
final class RagflowWire {
  private RagflowWire() {}

  private static final DateTimeFormatter HTTP_DATE =
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
    node.put("chunk_method", profile.chunkMethod());
    node.set(
        "parser_config",
        profile.parserConfig().isEmpty()
            ? RagflowParserConfigs.methodDefault(profile.chunkMethod())
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
}
