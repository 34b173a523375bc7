package dev.lectern.adapters.http.zylon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.port.in.retrieval.Retrieval.RetrievedChunk;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Citations as {@code system.citations.enabled} asks for them: the model's {@code [n]} markers
 * become the passages' 4-character citation ids (those the tool result shows), and each cited
 * passage becomes a {@code ZylonCitation}. Works on streamed text: a piece ending inside a possible
 * marker is held back until the marker is complete.
 */
final class ZylonCitations {
  private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3})]");
  private static final int LONGEST_MARKER = 5;

  private final List<RetrievedChunk> sources;
  private final Map<Integer, ObjectNode> cited = new LinkedHashMap<>();
  private final StringBuilder held = new StringBuilder();

  ZylonCitations(List<RetrievedChunk> sources) {
    this.sources = List.copyOf(sources);
  }

  /** The whole text with its markers rewritten. */
  String rewriteAll(String text) {
    return rewrite(text) + flush();
  }

  /** The next piece of text, rewritten as far as it can be; the rest waits for the next piece. */
  String rewrite(String piece) {
    held.append(piece);
    int open = held.lastIndexOf("[");
    int keep = held.length();
    if (open >= 0 && held.indexOf("]", open) < 0 && held.length() - open < LONGEST_MARKER) {
      keep = open;
    }
    String ready = held.substring(0, keep);
    held.delete(0, keep);
    return replace(ready);
  }

  /** What is still held back, at the end of the text. */
  String flush() {
    String rest = held.toString();
    held.setLength(0);
    return replace(rest);
  }

  /** The passages cited so far, in the order of their first citation. */
  ArrayNode citationsArray() {
    ArrayNode array = Json.MAPPER.createArrayNode();
    cited.values().forEach(array::add);
    return array;
  }

  private String replace(String text) {
    Matcher marker = MARKER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (marker.find()) {
      int n = Integer.parseInt(marker.group(1));
      String replacement = marker.group();
      if (n >= 1 && n <= sources.size()) {
        RetrievedChunk source = sources.get(n - 1);
        String id = ZylonWire.citationId(source.chunk().id());
        replacement = "[" + id + "]";
        cited.computeIfAbsent(
            n,
            k ->
                Json.object()
                    .put("id", id)
                    .put("index", k - 1)
                    .put("artifact_id", source.artifact().key().artifactId().value())
                    .put("source_id", source.chunk().id()));
      }
      marker.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    marker.appendTail(out);
    return out.toString();
  }
}
