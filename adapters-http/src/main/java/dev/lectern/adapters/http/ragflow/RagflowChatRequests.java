package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.port.in.assistant.AssistantDraft;
import dev.lectern.application.port.in.dataset.DatasetView;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.collection.CollectionId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the body of a chat create or update into an assistant draft, checking it in RAGFlow's order
 * with RAGFlow's messages: datasets (owned, parsed, one embedding model), the model, the rerank
 * model, the name, {@code tenant_id}, then that every required prompt variable is used.
 */
final class RagflowChatRequests {
  /** The reranking models RAGFlow accepts without configuration; Lectern keeps the choice only. */
  static final Set<String> RERANK_MODELS =
      Set.of("BAAI/bge-reranker-v2-m3", "maidalun1020/bce-reranker-base_v1");

  private static final Set<String> LLM_FIELDS =
      Set.of(
          "model_name",
          "temperature",
          "top_p",
          "presence_penalty",
          "frequency_penalty",
          "max_tokens");
  private static final Set<String> PROMPT_FIELDS =
      Set.of(
          "prompt",
          "opener",
          "empty_response",
          "show_quote",
          "similarity_threshold",
          "keywords_similarity_weight",
          "top_n",
          "top_k");

  /** What the checks look up in the caller's organization. */
  interface Lookup {
    Optional<DatasetView> dataset(String id);

    boolean modelExists(String name);

    /** Whether another assistant than {@code except} (null for none) has this name. */
    boolean nameTaken(String name, String except);
  }

  private RagflowChatRequests() {}

  static AssistantDraft create(ObjectNode body, Lookup lookup) {
    JsonNode datasetIds = body.get("dataset_ids");
    List<CollectionId> datasets =
        datasetIds == null || datasetIds.isNull() ? List.of() : datasets(datasetIds, lookup);
    if (datasets.size() > 1) {
      sameEmbedding(datasets, lookup, false);
    }
    ObjectNode llm = object(body.get("llm"));
    String model = model(llm, lookup);
    ObjectNode prompt = object(body.get("prompt"));
    rerank(prompt);
    String name = text(body.get("name"));
    if (name == null || name.isEmpty()) {
      throw RagflowErrors.data("`name` is required.");
    }
    if (lookup.nameTaken(name, null)) {
      throw RagflowErrors.data("Duplicated chat name in creating chat.");
    }
    if (truthy(body.get("tenant_id"))) {
      throw RagflowErrors.data("`tenant_id` must not be provided.");
    }
    RagflowChatPrompt merged = RagflowChatPrompt.DEFAULTS.with(prompt);
    merged.checkVariables();
    AssistantDraft draft =
        AssistantDraft.named(name)
            .withDescription(text(body.get("description")))
            .withCollections(datasets)
            .withModel(model);
    draft = withLlm(draft, llm);
    draft = merged.applyTo(draft);
    if (draft.emptyResponse() == null) {
      // A null empty response takes RAGFlow's default, not the core's.
      draft = draft.withEmptyResponse(RagflowChatPrompt.EMPTY_RESPONSE);
    }
    Map<String, String> attributes = new HashMap<>(merged.attributes());
    attributes.put(RagflowChatWire.AVATAR, avatar(body.get("avatar")));
    attributes.put(RagflowChatWire.LLM_EXTRAS, extras(llm, LLM_FIELDS).toString());
    return draft.withAttributes(attributes);
  }

  static AssistantDraft update(ObjectNode body, Assistant current, Lookup lookup) {
    AssistantDraft draft = AssistantDraft.EMPTY;
    JsonNode datasetIds = body.get("dataset_ids");
    if (datasetIds != null && !datasetIds.isNull()) {
      List<CollectionId> datasets = datasets(datasetIds, lookup);
      sameEmbedding(datasets, lookup, true);
      draft = draft.withCollections(datasets);
    }
    ObjectNode llm = object(body.get("llm"));
    String model = model(llm, lookup);
    if (llm.has("model_name")) {
      draft = model == null ? draft.withClearModel(true) : draft.withModel(model);
    }
    ObjectNode prompt = object(body.get("prompt"));
    rerank(prompt);
    if (body.has("name")) {
      String name = text(body.get("name"));
      if (name == null || name.isEmpty()) {
        throw RagflowErrors.data("`name` cannot be empty.");
      }
      if (!name.equalsIgnoreCase(current.name()) && lookup.nameTaken(name, current.id())) {
        throw RagflowErrors.data("Duplicated chat name in updating chat.");
      }
      draft = draft.withName(name);
    }
    Map<String, String> attributes = new HashMap<>();
    if (body.has("prompt")) {
      RagflowChatPrompt merged = RagflowChatPrompt.of(current).with(prompt);
      merged.checkVariables();
      draft = merged.applyTo(draft);
      attributes.putAll(merged.attributes());
    }
    draft = withLlm(draft, llm);
    if (!llm.isEmpty()) {
      ObjectNode extras = RagflowChatWire.llmExtras(current);
      extras.setAll(extras(llm, LLM_FIELDS));
      attributes.put(RagflowChatWire.LLM_EXTRAS, extras.toString());
    }
    if (body.has("description")) {
      draft = draft.withDescription(text(body.get("description")));
    }
    if (body.has("avatar")) {
      attributes.put(RagflowChatWire.AVATAR, avatar(body.get("avatar")));
    }
    return attributes.isEmpty() ? draft : draft.withAttributes(attributes);
  }

  /**
   * The ids in order without blanks; each must be one of the caller's datasets with chunks. A
   * string is read character by character, as RAGFlow iterates it.
   */
  private static List<CollectionId> datasets(JsonNode ids, Lookup lookup) {
    List<String> given = new ArrayList<>();
    if (ids.isTextual()) {
      ids.textValue().codePoints().forEach(c -> given.add(new String(Character.toChars(c))));
    } else if (ids.isArray()) {
      ids.forEach(id -> given.add(id.isTextual() ? id.textValue() : id.toString()));
    } else {
      throw RagflowErrors.unreadable(
          "TypeError(\"'" + RagflowBodies.pythonType(ids) + "' object is not iterable\")");
    }
    Set<String> unique = new LinkedHashSet<>();
    for (String id : given) {
      if (id.isEmpty()) {
        continue;
      }
      DatasetView dataset =
          lookup
              .dataset(id)
              .orElseThrow(() -> RagflowErrors.data("You don't own the dataset " + id));
      if (dataset.chunkCount() == 0) {
        throw RagflowErrors.data("The dataset " + id + " doesn't own parsed file");
      }
      unique.add(id);
    }
    return unique.stream().map(CollectionId::new).toList();
  }

  /**
   * RAGFlow's rule that a chat's datasets share one embedding model (the provider suffix aside); on
   * update an empty list fails it too, with the same (oddly quoted) message and code.
   */
  private static void sameEmbedding(List<CollectionId> ids, Lookup lookup, boolean exactlyOne) {
    Set<String> models = new LinkedHashSet<>();
    for (CollectionId id : ids) {
      lookup
          .dataset(id.value())
          .ifPresent(
              view -> models.add(view.collection().profile().embeddingModel().split("@", 2)[0]));
    }
    if (models.size() > 1 || (exactlyOne && models.size() != 1)) {
      throw RagflowErrors.incompatible("Datasets use different embedding models.\"");
    }
  }

  /** The model named by {@code llm.model_name}, which must be configured; null for the default. */
  private static String model(ObjectNode llm, Lookup lookup) {
    JsonNode name = llm.get("model_name");
    if (name == null || name.isNull()) {
      return null;
    }
    String model = text(name);
    if (!lookup.modelExists(model)) {
      throw RagflowErrors.data("`model_name` " + model + " doesn't exist");
    }
    return model;
  }

  private static void rerank(ObjectNode prompt) {
    String rerank = text(prompt.get("rerank_model"));
    if (rerank != null && !rerank.isEmpty() && !RERANK_MODELS.contains(rerank)) {
      throw RagflowErrors.data("`rerank_model` " + rerank + " doesn't exist");
    }
  }

  private static AssistantDraft withLlm(AssistantDraft draft, ObjectNode llm) {
    return draft
        .withTemperature(number(llm.get("temperature")))
        .withTopP(number(llm.get("top_p")))
        .withPresencePenalty(number(llm.get("presence_penalty")))
        .withFrequencyPenalty(number(llm.get("frequency_penalty")))
        .withMaxTokens(integer(llm.get("max_tokens")));
  }

  /** The fields of {@code node} that are not among {@code known}. */
  static ObjectNode extras(ObjectNode node, Set<String> known) {
    ObjectNode extras = Json.object();
    node.properties()
        .forEach(
            field -> {
              if (!known.contains(field.getKey())) {
                extras.set(field.getKey(), field.getValue());
              }
            });
    return extras;
  }

  static Set<String> promptFields() {
    return PROMPT_FIELDS;
  }

  /** A JSON object, or empty for null or absent; anything else fails as Python's dict access. */
  static ObjectNode object(JsonNode node) {
    if (node == null || node.isNull()) {
      return Json.object();
    }
    if (!node.isObject()) {
      throw RagflowErrors.unreadable(
          "AttributeError(\"'"
              + RagflowBodies.pythonType(node)
              + "' object has no attribute 'get'\")");
    }
    return (ObjectNode) node;
  }

  static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isTextual() ? node.textValue() : node.toString();
  }

  /** The longest avatar (an image as a data URL, say) a chat or agent may have. */
  static final int MAX_AVATAR_LENGTH = Assistant.MAX_ATTRIBUTE_LENGTH;

  static String avatar(JsonNode node) {
    String avatar = text(node);
    if (avatar != null && avatar.length() > MAX_AVATAR_LENGTH) {
      throw RagflowErrors.data("`avatar` must be at most " + MAX_AVATAR_LENGTH + " characters.");
    }
    return avatar == null ? "" : avatar;
  }

  static Double number(JsonNode node) {
    return node == null || node.isNull() ? null : RagflowValues.toFloat(node, 0);
  }

  static Integer integer(JsonNode node) {
    return node == null || node.isNull() ? null : RagflowValues.toInt(node, 0);
  }

  /** Python's truth of a JSON value. */
  static boolean truthy(JsonNode node) {
    if (node == null || node.isNull()) {
      return false;
    }
    return switch (node.getNodeType()) {
      case BOOLEAN -> node.booleanValue();
      case NUMBER -> node.doubleValue() != 0;
      case STRING -> !node.textValue().isEmpty();
      case ARRAY -> node.size() > 0;
      case OBJECT -> node.size() > 0;
      default -> true;
    };
  }
}
