package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.domain.conversation.Reference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The chunks an answer drew on, as RAGFlow's answers carry them. */
final class RagflowReferences {
  private RagflowReferences() {}

  /** {@code {total, chunks, doc_aggs}}. */
  static ObjectNode reference(List<Reference> references) {
    ObjectNode node = Json.object();
    node.put("total", references.size());
    node.set("chunks", chunks(references));
    ArrayNode aggs = node.putArray("doc_aggs");
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (Reference reference : references) {
      counts.merge(reference.documentId(), 1, Integer::sum);
      names.putIfAbsent(reference.documentId(), reference.documentName());
    }
    counts.forEach(
        (id, count) ->
            aggs.addObject().put("doc_name", names.get(id)).put("doc_id", id).put("count", count));
    return node;
  }

  /** Each chunk with the fields of RAGFlow's formatted chunks. */
  static ArrayNode chunks(List<Reference> references) {
    return chunks(references, null);
  }

  /**
   * Each chunk, and its document's metadata as {@code document_metadata} when {@code metadata} is
   * given.
   */
  static ArrayNode chunks(
      List<Reference> references, Function<Reference, Map<String, Object>> metadata) {
    ArrayNode chunks = Json.MAPPER.createArrayNode();
    for (Reference reference : references) {
      ObjectNode chunk = chunks.addObject();
      chunk.put("id", reference.chunkId());
      chunk.put("content", reference.snippet());
      chunk.put("document_id", reference.documentId());
      chunk.put("document_name", reference.documentName());
      chunk.put("dataset_id", reference.collectionId());
      chunk.put("image_id", "");
      chunk.putArray("positions");
      chunk.putNull("url");
      chunk.put("similarity", reference.score());
      chunk.put("vector_similarity", 0.0);
      chunk.put("term_similarity", reference.score());
      chunk.put("doc_type", "");
      if (metadata != null) {
        chunk.set("document_metadata", Json.MAPPER.valueToTree(metadata.apply(reference)));
      }
    }
    return chunks;
  }
}
