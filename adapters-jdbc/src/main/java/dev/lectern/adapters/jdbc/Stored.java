package dev.lectern.adapters.jdbc;

import dev.lectern.domain.conversation.Message;
import dev.lectern.domain.conversation.Reference;
import dev.lectern.domain.text.Utf8;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A message as its row holds it: its references as JSON, and what its text and them weigh. */
final class Stored {
  private Stored() {}

  static String references(Message m) {
    List<Map<String, Object>> refs = new ArrayList<>();
    for (Reference r : m.references()) {
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("chunk_id", r.chunkId());
      ref.put("collection_id", r.collectionId());
      ref.put("document_id", r.documentId());
      ref.put("document_name", r.documentName());
      ref.put("score", r.score());
      ref.put("snippet", r.snippet());
      refs.add(ref);
    }
    return MetadataJson.write(refs);
  }

  /** The UTF-8 bytes of the messages' text and references. */
  static long bytes(List<Message> messages) {
    long total = 0;
    for (Message m : messages) {
      total += Utf8.length(m.content()) + Utf8.length(references(m));
    }
    return total;
  }
}
