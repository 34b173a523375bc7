package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.port.in.retrieval.Retrieval;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.chunk.Chunk;
import java.util.Locale;

/** RAGFlow's JSON shapes. */
final class RagflowWire {
  private RagflowWire() {}

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
