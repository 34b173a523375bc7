package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.error.LecternException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A list of ids in a RAGFlow request, as RAGFlow's {@code check_duplicate_ids} reads it: repeats
 * are dropped with one error line each, and a request with repeats that otherwise succeeds answers
 * code 0 with {@code data{success_count, errors}}.
 *
 * @param unique the ids in order without repeats
 * @param duplicates one message per repeated id
 */
record RagflowIdList(List<String> unique, List<String> duplicates) {

  /** Reads {@code ids}, which must be null or a list; {@code label} names the ids in messages. */
  static RagflowIdList of(JsonNode ids, String field, String label) {
    if (ids == null || ids.isNull()) {
      return new RagflowIdList(List.of(), List.of());
    }
    if (!ids.isArray()) {
      throw RagflowErrors.data("`" + field + "` should be a list");
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> duplicates = new ArrayList<>();
    for (JsonNode id : ids) {
      if (!seen.add(id.asText())) {
        duplicates.add("Duplicate " + label + " ids: " + id.asText());
      }
    }
    return new RagflowIdList(new ArrayList<>(seen), duplicates);
  }

  boolean isEmpty() {
    return unique.isEmpty();
  }

  /** RAGFlow's message for ids that named no document. */
  static LecternException documentsNotFound(List<String> missing) {
    return RagflowErrors.data(
        "Documents not found: " + Pydantic.repr(Json.MAPPER.valueToTree(missing)));
  }

  /** Answers success: bare, or with the count and the repeat errors when there were repeats. */
  void answer(Context ctx, int successCount) {
    if (duplicates.isEmpty()) {
      RagflowReply.ok(ctx);
      return;
    }
    ObjectNode data = Json.object();
    data.put("success_count", successCount);
    data.set("errors", Json.MAPPER.valueToTree(duplicates));
    RagflowReply.ok(ctx, data);
  }

  /**
   * Answers a delete the way RAGFlow's chat and session deletes do: ids that named nothing fail the
   * request when nothing was deleted, else come back as {@code errors} with the count; repeats are
   * reported only when every id named something.
   */
  static void answerDeletes(Context ctx, RagflowIdList list, List<String> errors, int deleted) {
    if (!errors.isEmpty()) {
      if (deleted == 0) {
        throw RagflowErrors.data(String.join("; ", errors));
      }
      ObjectNode data = Json.object();
      data.put("success_count", deleted);
      data.set("errors", Json.MAPPER.valueToTree(errors));
      RagflowReply.ok(ctx, data);
      return;
    }
    if (!list.duplicates().isEmpty() && deleted == 0) {
      throw RagflowErrors.data(String.join(";", list.duplicates()));
    }
    list.answer(ctx, deleted);
  }
}
