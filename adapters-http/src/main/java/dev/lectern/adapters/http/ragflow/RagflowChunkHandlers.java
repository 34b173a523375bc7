package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.JsonStream;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.error.Unavailable;
import dev.lectern.application.port.in.access.Caller;
import dev.lectern.application.port.in.chunk.ChunkEdit;
import dev.lectern.application.port.in.chunk.ChunkPage;
import dev.lectern.application.port.in.chunk.ManageChunksUseCase;
import dev.lectern.application.port.in.dataset.ListDatasetsUseCase;
import dev.lectern.application.port.in.document.DocumentView;
import dev.lectern.application.port.in.document.ListDocumentsUseCase;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.collection.ChunkMethod;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** RAGFlow's chunk endpoints under {@code /datasets/{id}/documents/{id}/chunks}. */
final class RagflowChunkHandlers {
  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final ManageChunksUseCase chunks;
  private final ListDatasetsUseCase datasets;
  private final ListDocumentsUseCase documents;
  private final RagflowAuth auth;
  private final RagflowBodies bodies;
  private final Clock clock;

  RagflowChunkHandlers(
      ManageChunksUseCase chunks,
      ListDatasetsUseCase datasets,
      ListDocumentsUseCase documents,
      RagflowAuth auth,
      RagflowBodies bodies,
      Clock clock) {
    this.chunks = chunks;
    this.datasets = datasets;
    this.documents = documents;
    this.auth = auth;
    this.bodies = bodies;
    this.clock = clock;
  }

  void add(Context ctx) {
    ArtifactKey key = owned(ctx);
    ObjectNode body = bodies.object(ctx);
    JsonNode content = body.get("content");
    if (content != null && content.isNull()) {
      throw RagflowErrors.unreadable(
          "AttributeError(\"'NoneType' object has no attribute 'strip'\")");
    }
    String text = content == null ? "" : Pydantic.str(content);
    if (text.isBlank()) {
      throw RagflowErrors.data("`content` is required");
    }
    List<String> keywords =
        strings(body, "important_keywords", "`important_keywords` is required to be a list");
    List<String> questions = strings(body, "questions", "`questions` is required to be a list");
    Chunk chunk = chunks.add(key, text, keywords, questions);
    Instant now = clock.instant();
    ObjectNode data = Json.object();
    ObjectNode node = data.putObject("chunk");
    node.put("id", chunk.id());
    node.put("content", chunk.text());
    node.put("document_id", key.artifactId().value());
    node.put("dataset_id", key.collectionId().value());
    node.set("important_keywords", Json.MAPPER.valueToTree(chunk.keywords()));
    node.set("questions", Json.MAPPER.valueToTree(chunk.questions()));
    node.put("create_time", LOCAL_TIME.format(now));
    // A plain decimal like RAGFlow's float seconds, never an exponent.
    node.put("create_timestamp", BigDecimal.valueOf(now.toEpochMilli(), 3));
    RagflowReply.ok(ctx, data);
  }

  void list(Context ctx) {
    ArtifactKey key = owned(ctx);
    String page = ctx.queryParam("page");
    String pageSize = ctx.queryParam("page_size");
    String id = ctx.queryParam("id");
    ChunkPage found;
    try {
      found =
          chunks.list(
              key,
              ctx.queryParam("keywords"),
              id,
              page == null ? 1 : RagflowValues.toInt(page),
              pageSize == null ? 30 : RagflowValues.toInt(pageSize));
    } catch (NotFound e) {
      throw RagflowErrors.unknownChunk("Chunk not found: " + key.collectionId() + "/" + id);
    }
    ChunkPage listing = found;
    JsonStream.respond(
        ctx,
        200,
        json -> {
          json.writeStartObject();
          json.writeNumberField("code", 0);
          json.writeObjectFieldStart("data");
          json.writeNumberField("total", listing.total());
          json.writeArrayFieldStart("chunks");
          JsonStream.forEach(
              json, listing.chunks()::forEach, item -> listed(item, key, listing.document()));
          json.writeEndArray();
          json.writeFieldName("doc");
          json.writeTree(RagflowWire.document(listing.document()));
          json.writeEndObject();
          json.writeEndObject();
        });
  }

  void update(Context ctx) {
    ArtifactKey key = owned(ctx);
    String chunkId = ctx.pathParam("chunk_id");
    ObjectNode body = bodies.object(ctx);
    ChunkPage current;
    try {
      current = chunks.list(key, null, chunkId, 1, 1);
    } catch (NotFound e) {
      throw RagflowErrors.unknownChunk("Can't find this chunk " + chunkId);
    }
    JsonNode content = body.get("content");
    String text = content == null || content.isNull() ? null : Pydantic.str(content);
    List<String> keywords =
        list(body, "important_keywords", "`important_keywords` should be a list");
    List<String> questions = list(body, "questions", "`questions` should be a list");
    Boolean available = available(body.get("available"));
    if (text != null && current.document().entry().chunkMethod() == ChunkMethod.QA) {
      long parts =
          java.util.Arrays.stream(text.split("[\\n\\t]")).filter(t -> t.length() > 1).count();
      if (parts != 2) {
        throw RagflowErrors.data("Q&A must be separated by TAB/ENTER key.");
      }
    }
    try {
      chunks.update(key, chunkId, new ChunkEdit(text, keywords, questions, available));
    } catch (NotFound e) {
      throw RagflowErrors.unknownChunk("Can't find this chunk " + chunkId);
    } catch (Unavailable e) {
      throw RagflowErrors.notStored("Chunk Update Failed", e);
    }
    RagflowReply.ok(ctx);
  }

  void delete(Context ctx) {
    ArtifactKey key = ownedOr(ctx, true);
    RagflowIdList ids = RagflowIdList.of(bodies.object(ctx).get("chunk_ids"), "chunk_ids", "chunk");
    List<String> wanted = ids.isEmpty() ? null : ids.unique();
    int deleted = chunks.delete(key, wanted);
    if (wanted != null && deleted != wanted.size()) {
      throw RagflowErrors.data("rm_chunk deleted chunks " + deleted + ", expect " + wanted.size());
    }
    ids.answer(ctx, deleted);
  }

  private ArtifactKey owned(Context ctx) {
    return ownedOr(ctx, false);
  }

  /** The document's key, checked as RAGFlow checks it; deletes report a missing one as 100. */
  private ArtifactKey ownedOr(Context ctx, boolean lookupError) {
    Caller caller = auth.tenant(ctx);
    String dataset = ctx.pathParam("dataset_id");
    String document = ctx.pathParam("document_id");
    if (!datasets.exists(caller.org().id(), RagflowDocumentHandlers.datasetId(dataset))) {
      throw RagflowErrors.data("You don't own the dataset " + dataset + ".");
    }
    ArtifactKey key =
        new ArtifactKey(
            caller.org().id(),
            RagflowDocumentHandlers.datasetId(dataset),
            RagflowDocumentHandlers.documentId(document));
    if (documents.find(key).isEmpty()) {
      throw lookupError
          ? RagflowErrors.unreadable(
              "LookupError(\"Can't find the document with ID " + document + "!\")")
          : RagflowErrors.data("You don't own the document " + document + ".");
    }
    return key;
  }

  private static ObjectNode listed(ChunkPage.Item item, ArtifactKey key, DocumentView document) {
    Chunk chunk = item.chunk();
    ObjectNode node = Json.object();
    node.put("id", chunk.id());
    node.put("content", item.highlighted() == null ? chunk.text() : item.highlighted());
    node.put("document_id", key.artifactId().value());
    node.put("docnm_kwd", document.entry().name());
    node.put("dataset_id", key.collectionId().value());
    node.set("important_keywords", Json.MAPPER.valueToTree(chunk.keywords()));
    node.set("questions", Json.MAPPER.valueToTree(chunk.questions()));
    node.put("image_id", "");
    node.put("available", chunk.available());
    node.putArray("positions");
    return node;
  }

  /** A list of strings for add: wrong container → 102, wrong item → Python's TypeError. */
  private static List<String> strings(ObjectNode body, String field, String notList) {
    List<String> values = list(body, field, notList);
    return values == null ? List.of() : values;
  }

  private static List<String> list(ObjectNode body, String field, String notList) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw RagflowErrors.data(notList);
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual()) {
        throw RagflowErrors.unreadable(
            "TypeError('sequence item "
                + i
                + ": expected str instance, "
                + RagflowBodies.pythonType(item)
                + " found')");
      }
      items.add(item.textValue());
    }
    return items;
  }

  private static Boolean available(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isNumber()) {
      return value.intValue() != 0;
    }
    throw RagflowErrors.data("`available` should be a boolean or 0/1");
  }
}
