package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.port.in.dataset.DatasetView;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.assistant.ModelChoice;
import dev.lectern.domain.collection.CollectionId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A chat assistant as RAGFlow shows it. RAGFlow's web framework writes JSON with sorted keys, so
 * these objects are sorted too, nested ones included.
 */
final class RagflowChatWire {
  /** The attribute that holds an assistant's avatar. */
  static final String AVATAR = "avatar";

  /** The attribute that holds the {@code llm} keys only RAGFlow keeps (e.g. {@code model_type}). */
  static final String LLM_EXTRAS = "ragflow.llm";

  private RagflowChatWire() {}

  /**
   * A chat as create answers it: {@code dataset_ids}; as list answers it, {@code datasets} expanded
   * instead (null {@code datasets}: the create shape).
   *
   * @param defaultModel the name of the model an assistant without its own answers with
   */
  static ObjectNode chat(Assistant assistant, String defaultModel, List<DatasetView> datasets) {
    ObjectNode node = Json.object();
    node.put("id", assistant.id());
    node.put("name", assistant.name());
    node.put("avatar", assistant.attributes().getOrDefault(AVATAR, ""));
    node.put("description", assistant.description());
    node.put("language", "English");
    node.set("llm", llm(assistant, defaultModel));
    node.set("prompt", RagflowChatPrompt.of(assistant).json());
    node.put("prompt_type", "simple");
    node.put("do_refer", "1");
    node.put("top_k", assistant.retrieval().topK());
    node.put("status", "1");
    node.put("tenant_id", assistant.orgId());
    if (datasets == null) {
      ArrayNode ids = node.putArray("dataset_ids");
      assistant.collections().forEach(id -> ids.add(id.value()));
    } else {
      ArrayNode expanded = node.putArray("datasets");
      datasets.forEach(view -> expanded.add(RagflowWire.dataset(view)));
    }
    RagflowWire.times(node, assistant.createdAt(), assistant.updatedAt());
    return sorted(node);
  }

  private static ObjectNode llm(Assistant assistant, String defaultModel) {
    ModelChoice model = assistant.model();
    ObjectNode llm = llmExtras(assistant);
    llm.put("model_name", model.model() == null ? defaultModel : model.model());
    llm.put("temperature", model.temperature());
    llm.put("top_p", model.topP());
    llm.put("presence_penalty", model.presencePenalty());
    llm.put("frequency_penalty", model.frequencyPenalty());
    llm.put("max_tokens", model.maxTokens());
    return llm;
  }

  /** The {@code llm} keys only RAGFlow keeps, as stored on the assistant. */
  static ObjectNode llmExtras(Assistant assistant) {
    String stored = assistant.attributes().get(LLM_EXTRAS);
    return stored == null ? Json.object() : RagflowChatPrompt.parse(stored);
  }

  /** The datasets of an assistant that still exist, in its order. */
  static List<DatasetView> datasets(
      Assistant assistant,
      java.util.function.Function<CollectionId, java.util.Optional<DatasetView>> find) {
    List<DatasetView> found = new ArrayList<>();
    for (CollectionId id : assistant.collections()) {
      find.apply(id).ifPresent(found::add);
    }
    return found;
  }

  /** The node with its keys sorted, at every depth. */
  static ObjectNode sorted(ObjectNode node) {
    Map<String, JsonNode> fields = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      fields.put(field.getKey(), sortedValue(field.getValue()));
    }
    ObjectNode copy = Json.object();
    fields.forEach(copy::set);
    return copy;
  }

  private static JsonNode sortedValue(JsonNode value) {
    if (value.isObject()) {
      return sorted((ObjectNode) value);
    }
    if (value.isArray()) {
      ArrayNode copy = Json.MAPPER.createArrayNode();
      value.forEach(item -> copy.add(sortedValue(item)));
      return copy;
    }
    return value;
  }
}
