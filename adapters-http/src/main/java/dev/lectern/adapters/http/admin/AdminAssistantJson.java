package dev.lectern.adapters.http.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.JsonFields;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.port.in.assistant.AssistantDraft;
import dev.lectern.domain.assistant.Access;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.assistant.AssistantStatus;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.text.TextLimits;
import dev.lectern.domain.token.ApiToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Lectern's own JSON for assistants and their keys, read and written. */
final class AdminAssistantJson {
  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "description",
          "system_prompt",
          "opener",
          "empty_response",
          "knowledge_required",
          "collections",
          "model",
          "retrieval",
          "history_window",
          "show_quote",
          "access",
          "status");
  private static final Set<String> MODEL_FIELDS =
      Set.of("name", "temperature", "top_p", "presence_penalty", "frequency_penalty", "max_tokens");
  private static final Set<String> RETRIEVAL_FIELDS =
      Set.of("top_n", "top_k", "similarity_threshold", "keyword_weight");

  private AdminAssistantJson() {}

  static AssistantDraft draft(JsonFields body) {
    body.onlyKnown(FIELDS);
    JsonFields model = body.optionalObject("model").orElse(null);
    JsonFields retrieval = body.optionalObject("retrieval").orElse(null);
    if (model != null) {
      model.onlyKnown(MODEL_FIELDS);
    }
    if (retrieval != null) {
      retrieval.onlyKnown(RETRIEVAL_FIELDS);
    }
    List<CollectionId> collections = null;
    List<String> ids = body.optionalStrings("collections");
    if (ids != null) {
      collections = new ArrayList<>();
      for (String id : ids) {
        body.checkLength("collections", id, CollectionId.MAX_LENGTH);
        collections.add(new CollectionId(id));
      }
    }
    boolean clearModel = model != null && model.raw("name") != null && model.raw("name").isNull();
    return AssistantDraft.EMPTY
        .withName(body.optionalString("name").orElse(null))
        .withDescription(body.optionalString("description").orElse(null))
        .withSystemPrompt(body.optionalString("system_prompt").orElse(null))
        .withOpener(body.optionalString("opener").orElse(null))
        .withEmptyResponse(body.optionalString("empty_response").orElse(null))
        .withKnowledgeRequired(body.optionalBoolean("knowledge_required").orElse(null))
        .withCollections(collections)
        .withModel(model == null ? null : model.optionalString("name").orElse(null))
        .withClearModel(clearModel)
        .withTemperature(number(model, "temperature"))
        .withTopP(number(model, "top_p"))
        .withPresencePenalty(number(model, "presence_penalty"))
        .withFrequencyPenalty(number(model, "frequency_penalty"))
        .withMaxTokens(integer(model, "max_tokens"))
        .withTopN(integer(retrieval, "top_n"))
        .withTopK(integer(retrieval, "top_k"))
        .withSimilarityThreshold(number(retrieval, "similarity_threshold"))
        .withKeywordWeight(number(retrieval, "keyword_weight"))
        .withHistoryWindow(integer(body, "history_window"))
        .withShowQuote(body.optionalBoolean("show_quote").orElse(null))
        .withAccess(
            body.optionalString("access")
                .map(value -> named(Access.values(), value, body.pathOf("access")))
                .orElse(null))
        .withStatus(
            body.optionalString("status")
                .map(value -> named(AssistantStatus.values(), value, body.pathOf("status")))
                .orElse(null));
  }

  private static Double number(JsonFields fields, String name) {
    return fields == null
        ? null
        : fields.optionalDouble(name, -Double.MAX_VALUE, Double.MAX_VALUE).orElse(null);
  }

  private static Integer integer(JsonFields fields, String name) {
    return fields == null
        ? null
        : fields.optionalInt(name, Integer.MIN_VALUE, Integer.MAX_VALUE).orElse(null);
  }

  private static <E extends Enum<E>> E named(E[] values, String value, String field) {
    List<String> names = new ArrayList<>();
    for (E candidate : values) {
      String name = candidate.name().toLowerCase(Locale.ROOT);
      if (name.equals(value)) {
        return candidate;
      }
      names.add(name);
    }
    throw new InvalidRequest(
        field
            + ": must be one of "
            + String.join(", ", names)
            + ", got '"
            + TextLimits.cut(value, 100)
            + "'",
        field);
  }

  static ObjectNode assistant(Assistant assistant) {
    ObjectNode node = Json.object();
    node.put("id", assistant.id());
    node.put("name", assistant.name());
    node.put("description", assistant.description());
    node.put("system_prompt", assistant.systemPrompt());
    node.put("opener", assistant.opener());
    node.put("empty_response", assistant.emptyResponse());
    node.put("knowledge_required", assistant.knowledgeRequired());
    ArrayNode collections = node.putArray("collections");
    assistant.collections().forEach(id -> collections.add(id.value()));
    ObjectNode model = node.putObject("model");
    model.put("name", assistant.model().model());
    model.put("temperature", assistant.model().temperature());
    model.put("top_p", assistant.model().topP());
    model.put("presence_penalty", assistant.model().presencePenalty());
    model.put("frequency_penalty", assistant.model().frequencyPenalty());
    model.put("max_tokens", assistant.model().maxTokens());
    ObjectNode retrieval = node.putObject("retrieval");
    retrieval.put("top_n", assistant.retrieval().topN());
    retrieval.put("top_k", assistant.retrieval().topK());
    retrieval.put("similarity_threshold", assistant.retrieval().similarityThreshold());
    retrieval.put("keyword_weight", assistant.retrieval().keywordWeight());
    node.put("history_window", assistant.historyWindow());
    node.put("show_quote", assistant.showQuote());
    node.put("access", assistant.access().name().toLowerCase(Locale.ROOT));
    node.put("status", assistant.status().name().toLowerCase(Locale.ROOT));
    node.put("created_at", assistant.createdAt().toString());
    node.put("updated_at", assistant.updatedAt().toString());
    return node;
  }

  static ObjectNode key(ApiToken key) {
    ObjectNode node = Json.object();
    node.put("id", key.id());
    node.put("name", key.name());
    node.put("assistant_id", key.assistantId());
    node.put("created_at", key.createdAt().toString());
    node.put("last_used_at", time(key.lastUsedAt()));
    node.put("revoked_at", time(key.revokedAt()));
    return node;
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
