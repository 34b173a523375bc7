package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.access.Caller;
import dev.lectern.application.port.in.retrieval.Retrieval;
import dev.lectern.application.port.in.retrieval.RetrieveChunksCommand;
import dev.lectern.application.port.in.retrieval.RetrieveChunksUseCase;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.MetadataFilter;
import dev.lectern.domain.collection.CollectionId;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** RAGFlow's {@code POST /api/v1/retrieval}. */
final class RagflowRetrievalHandlers {
  static final int MAX_TOP_K = 10_000;

  private final RetrieveChunksUseCase retrieve;
  private final RagflowAuth auth;
  private final RagflowBodies bodies;

  RagflowRetrievalHandlers(RetrieveChunksUseCase retrieve, RagflowAuth auth, RagflowBodies bodies) {
    this.retrieve = retrieve;
    this.auth = auth;
    this.bodies = bodies;
  }

  void retrieval(Context ctx) {
    Caller caller = auth.tenant(ctx);
    ObjectNode body = bodies.object(ctx);
    JsonNode question = body.get("question");
    if (question == null) {
      throw RagflowErrors.data("`question` is required.");
    }
    List<CollectionId> datasets = datasetIds(body.get("dataset_ids"));
    List<ArtifactId> documents = documentIds(body.get("document_ids"));
    MetadataFilter filter = RagflowMetadata.filter(body.get("metadata_condition"));
    int page = RagflowValues.toInt(body.get("page"), 1);
    int pageSize = RagflowValues.toInt(body.get("page_size"), 30);
    double threshold = RagflowValues.toFloat(body.get("similarity_threshold"), 0.2);
    RagflowValues.toFloat(body.get("vector_similarity_weight"), 0.3);
    int topK = RagflowValues.toInt(body.get("top_k"), 1024);
    boolean highlight = highlight(body.get("highlight"));
    String text = question.isTextual() ? question.textValue() : question.toString();
    if (text.isBlank()) {
      ObjectNode empty = Json.object();
      empty.put("total", 0);
      empty.putArray("chunks");
      empty.putObject("doc_aggs");
      RagflowReply.ok(ctx, empty);
      return;
    }
    Retrieval found;
    try {
      found =
          retrieve.retrieve(
              new RetrieveChunksCommand(
                  caller.org().id(),
                  datasets,
                  documents,
                  filter,
                  text,
                  Math.clamp(topK, 0, MAX_TOP_K),
                  threshold,
                  Math.max(page, 1),
                  Math.max(pageSize, 0),
                  highlight));
    } catch (NotFound e) {
      String id = e.subject().orElse("");
      throw RagflowErrors.data(
          e.field().orElse("").equals("collection")
              ? "You don't own the dataset " + id + "."
              : "The datasets don't own the document " + id);
    }
    RagflowReply.ok(ctx, wire(found, highlight));
  }

  private static List<CollectionId> datasetIds(JsonNode value) {
    if (value == null || value.isNull()) {
      throw RagflowErrors.data("`dataset_ids` is required.");
    }
    if (!value.isArray()) {
      throw RagflowErrors.data("`dataset_ids` should be a list");
    }
    List<CollectionId> ids = new ArrayList<>();
    for (JsonNode id : value) {
      String text = id.asText();
      if (!id.isTextual() || text.isEmpty() || text.length() > CollectionId.MAX_LENGTH) {
        throw RagflowErrors.data("You don't own the dataset " + text + ".");
      }
      ids.add(new CollectionId(text));
    }
    if (ids.isEmpty()) {
      throw RagflowErrors.data("`dataset_ids` is required.");
    }
    return ids;
  }

  private static List<ArtifactId> documentIds(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw RagflowErrors.data("`documents` should be a list");
    }
    if (value.isEmpty()) {
      return null;
    }
    List<ArtifactId> ids = new ArrayList<>();
    for (JsonNode id : value) {
      String text = id.asText();
      if (!id.isTextual() || text.isEmpty() || text.length() > ArtifactId.MAX_LENGTH) {
        throw RagflowErrors.data("The datasets don't own the document " + text);
      }
      ids.add(new ArtifactId(text));
    }
    return ids;
  }

  private static boolean highlight(JsonNode value) {
    if (value == null || value.isNull()) {
      return false;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual()) {
      String text = value.textValue().toLowerCase(Locale.ROOT);
      if (text.equals("true") || text.equals("false")) {
        return text.equals("true");
      }
    }
    throw RagflowErrors.data("`highlight` should be a boolean");
  }

  private static ObjectNode wire(Retrieval found, boolean highlight) {
    ObjectNode data = Json.object();
    data.put("total", found.total());
    ArrayNode chunks = data.putArray("chunks");
    for (Retrieval.RetrievedChunk hit : found.chunks()) {
      chunks.add(RagflowWire.retrievedChunk(hit, highlight));
    }
    ArrayNode aggs = data.putArray("doc_aggs");
    for (Retrieval.DocumentCount doc : found.documents()) {
      ObjectNode agg = aggs.addObject();
      agg.put("doc_name", doc.fileName());
      agg.put("doc_id", doc.key().artifactId().value());
      agg.put("count", doc.count());
    }
    return data;
  }
}
