package dev.lectern.adapters.http.zylon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.port.in.retrieval.Retrieval.RetrievedChunk;
import dev.lectern.domain.conversation.CitationMarkers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Citations as {@code system.citations.enabled} asks for them: the model's {@code [n]} markers
 * become the passages' 4-character citation ids (those the tool result shows), and each cited
 * passage becomes a {@code ZylonCitation}. Works on streamed text: a piece ending inside a possible
 * marker is held back until the marker is complete.
 */
final class ZylonCitations {
  private final List<RetrievedChunk> sources;
  private final Map<Integer, ObjectNode> cited = new LinkedHashMap<>();
  private final CitationMarkers markers =
      new CitationMarkers((passage, space, written) -> cite(passage, written), false);

  ZylonCitations(List<RetrievedChunk> sources) {
    this.sources = List.copyOf(sources);
  }

  /** The whole text with its markers rewritten. */
  String rewriteAll(String text) {
    return markers.all(text);
  }

  /** The next piece of text, rewritten as far as it can be; the rest waits for the next piece. */
  String rewrite(String piece) {
    return markers.next(piece);
  }

  /** What is still held back, at the end of the text. */
  String flush() {
    return markers.rest();
  }

  /** The passages cited so far, in the order of their first citation. */
  ArrayNode citationsArray() {
    ArrayNode array = Json.MAPPER.createArrayNode();
    cited.values().forEach(array::add);
    return array;
  }

  /** A passage's citation id for its marker; a marker that names no passage stays as it is. */
  private String cite(int n, String written) {
    if (n < 1 || n > sources.size()) {
      return written;
    }
    RetrievedChunk source = sources.get(n - 1);
    String id = ZylonWire.citationId(source.chunk().id());
    cited.computeIfAbsent(
        n,
        k ->
            Json.object()
                .put("id", id)
                .put("index", k - 1)
                .put("artifact_id", source.artifact().key().artifactId().value())
                .put("source_id", source.chunk().id()));
    return "[" + id + "]";
  }
}
