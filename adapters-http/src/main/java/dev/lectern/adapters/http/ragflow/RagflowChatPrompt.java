package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.port.in.assistant.AssistantDraft;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.assistant.RetrievalChoice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A chat's {@code prompt} object as RAGFlow shows it: the assistant's own settings (system prompt,
 * opener, empty response, citations, retrieval) and what only RAGFlow keeps (its variables, {@code
 * tts}, {@code refine_multiturn}, {@code rerank_model}, any other key a client sent), which is
 * stored as an attribute of the assistant.
 */
final class RagflowChatPrompt {
  /** The attribute that holds what only RAGFlow keeps of the prompt. */
  static final String EXTRAS = "ragflow.prompt";

  private static final String KNOWLEDGE = "knowledge";

  /** RAGFlow's answer when nothing relevant was retrieved, for a chat that names none. */
  static final String EMPTY_RESPONSE =
      "Sorry! No relevant content was found in the knowledge base!";

  static final RagflowChatPrompt DEFAULTS = defaults();

  private final ObjectNode values;

  private RagflowChatPrompt(ObjectNode values) {
    this.values = values;
  }

  private static RagflowChatPrompt defaults() {
    ObjectNode values = Json.object();
    values.put("prompt", Assistant.DEFAULT_SYSTEM_PROMPT);
    values.put("opener", Assistant.DEFAULT_OPENER);
    values.put("empty_response", EMPTY_RESPONSE);
    values.put("show_quote", true);
    values.put("tts", false);
    values.put("refine_multiturn", true);
    values.set("variables", knowledgeVariable(false));
    RetrievalChoice retrieval = RetrievalChoice.DEFAULTS;
    values.put("similarity_threshold", retrieval.similarityThreshold());
    values.put("keywords_similarity_weight", retrieval.keywordWeight());
    values.put("top_n", retrieval.topN());
    values.put("top_k", retrieval.topK());
    values.put("rerank_model", "");
    return new RagflowChatPrompt(values);
  }

  private static ArrayNode knowledgeVariable(boolean optional) {
    ArrayNode variables = Json.MAPPER.createArrayNode();
    variables.addObject().put("key", KNOWLEDGE).put("optional", optional);
    return variables;
  }

  /** The prompt of a stored assistant. */
  static RagflowChatPrompt of(Assistant assistant) {
    ObjectNode values = DEFAULTS.values.deepCopy();
    if (!assistant.knowledgeRequired()) {
      values.set("variables", Json.MAPPER.createArrayNode());
    }
    String stored = assistant.attributes().get(EXTRAS);
    if (stored != null) {
      values.setAll(parse(stored));
    }
    values.put("prompt", assistant.systemPrompt());
    values.put("opener", assistant.opener());
    values.put("empty_response", assistant.emptyResponse());
    values.put("show_quote", assistant.showQuote());
    RetrievalChoice retrieval = assistant.retrieval();
    values.put("similarity_threshold", retrieval.similarityThreshold());
    values.put("keywords_similarity_weight", retrieval.keywordWeight());
    values.put("top_n", retrieval.topN());
    values.put("top_k", retrieval.topK());
    return new RagflowChatPrompt(values);
  }

  /**
   * This prompt with a client's fields laid over it. On create an empty system prompt takes the
   * default, as RAGFlow does; {@code prompt} there is this class's {@link #DEFAULTS}.
   */
  RagflowChatPrompt with(ObjectNode given) {
    ObjectNode values = this.values.deepCopy();
    values.setAll(given);
    if (this == DEFAULTS && !RagflowChatRequests.truthy(given.get("prompt"))) {
      values.put("prompt", Assistant.DEFAULT_SYSTEM_PROMPT);
    }
    return new RagflowChatPrompt(values);
  }

  /** RAGFlow's rule: every variable that is not optional appears as {@code {key}} in the prompt. */
  void checkVariables() {
    String prompt = RagflowChatRequests.text(values.get("prompt"));
    JsonNode variables = values.get("variables");
    if (variables == null || !variables.isArray()) {
      throw RagflowErrors.unreadable(
          "TypeError(\"'" + RagflowBodies.pythonType(variables) + "' object is not iterable\")");
    }
    for (JsonNode variable : variables) {
      if (!variable.isObject()) {
        throw RagflowErrors.unreadable(
            "TypeError(\"" + RagflowBodies.pythonType(variable) + " indices must be integers\")");
      }
      if (!variable.has("optional")) {
        throw RagflowErrors.unreadable("KeyError('optional')");
      }
      if (RagflowChatRequests.truthy(variable.get("optional"))) {
        continue;
      }
      String key = RagflowChatRequests.text(variable.get("key"));
      if (prompt == null || !prompt.contains("{" + key + "}")) {
        throw RagflowErrors.data("Parameter '" + key + "' is not used");
      }
    }
  }

  /** Whether the passages must have their place in the system prompt: a required knowledge key. */
  private boolean knowledgeRequired() {
    for (JsonNode variable : values.get("variables")) {
      if (KNOWLEDGE.equals(RagflowChatRequests.text(variable.get("key")))
          && !RagflowChatRequests.truthy(variable.get("optional"))) {
        return true;
      }
    }
    return false;
  }

  /** The draft with the assistant's own settings of this prompt. */
  AssistantDraft applyTo(AssistantDraft draft) {
    return draft
        .withSystemPrompt(RagflowChatRequests.text(values.get("prompt")))
        .withOpener(RagflowChatRequests.text(values.get("opener")))
        .withEmptyResponse(RagflowChatRequests.text(values.get("empty_response")))
        .withShowQuote(RagflowChatRequests.truthy(values.get("show_quote")))
        .withKnowledgeRequired(knowledgeRequired())
        .withSimilarityThreshold(RagflowChatRequests.number(values.get("similarity_threshold")))
        .withKeywordWeight(RagflowChatRequests.number(values.get("keywords_similarity_weight")))
        .withTopN(RagflowChatRequests.integer(values.get("top_n")))
        .withTopK(RagflowChatRequests.integer(values.get("top_k")));
  }

  /** What only RAGFlow keeps, as the assistant's attribute. */
  Map<String, String> attributes() {
    return Map.of(
        EXTRAS, RagflowChatRequests.extras(values, RagflowChatRequests.promptFields()).toString());
  }

  /** The whole object, for a response. */
  ObjectNode json() {
    return values.deepCopy();
  }

  static ObjectNode parse(String json) {
    try {
      JsonNode tree = Json.MAPPER.readTree(json);
      return tree != null && tree.isObject() ? (ObjectNode) tree : Json.object();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
