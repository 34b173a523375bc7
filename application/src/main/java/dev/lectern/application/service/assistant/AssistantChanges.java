package dev.lectern.application.service.assistant;

import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.port.in.assistant.AssistantDraft;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.assistant.ModelChoice;
import dev.lectern.domain.assistant.RetrievalChoice;
import dev.lectern.domain.collection.CollectionId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Policy: a draft laid over an assistant, each value checked against its range and named by its
 * field when it is out of it.
 */
final class AssistantChanges {
  static final int MAX_TEXT = 65_535;
  static final int MAX_PROMPT = 100_000;

  private AssistantChanges() {}

  static Assistant apply(Assistant base, AssistantDraft draft, Instant now) {
    String name = draft.name() == null ? base.name() : name(draft.name());
    ModelChoice model = base.model();
    ModelChoice choice =
        new ModelChoice(
            draft.clearModel() ? null : pick(draft.model(), model.model()),
            range("temperature", draft.temperature(), model.temperature(), 0, 2),
            range("top_p", draft.topP(), model.topP(), 0, 1),
            range("presence_penalty", draft.presencePenalty(), model.presencePenalty(), -2, 2),
            range("frequency_penalty", draft.frequencyPenalty(), model.frequencyPenalty(), -2, 2),
            count("max_tokens", draft.maxTokens(), model.maxTokens(), 1, 1_000_000));
    RetrievalChoice retrieval = base.retrieval();
    RetrievalChoice search =
        new RetrievalChoice(
            count("top_n", draft.topN(), retrieval.topN(), 1, 1024),
            count("top_k", draft.topK(), retrieval.topK(), 1, 65_536),
            range(
                "similarity_threshold",
                draft.similarityThreshold(),
                retrieval.similarityThreshold(),
                0,
                1),
            range("keyword_weight", draft.keywordWeight(), retrieval.keywordWeight(), 0, 1));
    Assistant changed =
        new Assistant(
            base.orgId(),
            base.id(),
            name,
            text("description", draft.description(), base.description(), MAX_TEXT),
            text("system_prompt", draft.systemPrompt(), base.systemPrompt(), MAX_PROMPT),
            text("opener", draft.opener(), base.opener(), MAX_TEXT),
            text("empty_response", draft.emptyResponse(), base.emptyResponse(), MAX_TEXT),
            pick(draft.knowledgeRequired(), base.knowledgeRequired()),
            collections(draft.collections(), base.collections()),
            choice,
            search,
            count("history_window", draft.historyWindow(), base.historyWindow(), 0, 1000),
            pick(draft.showQuote(), base.showQuote()),
            pick(draft.access(), base.access()),
            pick(draft.status(), base.status()),
            attributes(base.attributes(), draft.attributes()),
            pick(draft.flow(), base.flow()),
            base.createdAt(),
            now);
    if (changed.knowledgeRequired() && !changed.systemPrompt().contains(Assistant.KNOWLEDGE)) {
      throw new InvalidRequest(
          "system_prompt: must hold "
              + Assistant.KNOWLEDGE
              + ", where the retrieved passages go, while knowledge_required is true",
          "system_prompt");
    }
    return changed;
  }

  static String name(String raw) {
    String name = raw.strip();
    // Names are unique whatever their case: the lower-cased name is stored too, and may be longer.
    if (name.isEmpty()
        || name.length() > Assistant.MAX_NAME_LENGTH
        || name.toLowerCase(Locale.ROOT).length() > Assistant.MAX_NAME_LENGTH) {
      throw new InvalidRequest(
          "name: must be 1 to " + Assistant.MAX_NAME_LENGTH + " characters, not blank", "name");
    }
    return name;
  }

  /** The current attributes with the draft's laid over them: a null value removes its key. */
  private static Map<String, String> attributes(
      Map<String, String> current, Map<String, String> changes) {
    if (changes == null) {
      return current;
    }
    Map<String, String> merged = new LinkedHashMap<>(current);
    changes.forEach(
        (key, value) -> {
          if (value == null) {
            merged.remove(key);
          } else {
            merged.put(key, text(key, value, null, Assistant.MAX_ATTRIBUTE_LENGTH));
          }
        });
    return merged;
  }

  /** The draft's collections, each once, and no more than an assistant may have. */
  private static List<CollectionId> collections(
      List<CollectionId> draft, List<CollectionId> current) {
    if (draft == null) {
      return current;
    }
    List<CollectionId> unique = List.copyOf(new LinkedHashSet<>(draft));
    if (unique.size() > Assistant.MAX_COLLECTIONS) {
      throw new InvalidRequest(
          "collections: at most " + Assistant.MAX_COLLECTIONS + " per assistant", "collections");
    }
    return unique;
  }

  private static <T> T pick(T value, T current) {
    return value != null ? value : current;
  }

  private static String text(String field, String value, String current, int max) {
    if (value == null) {
      return current;
    }
    if (value.length() > max) {
      throw new InvalidRequest(field + ": longer than " + max + " characters", field);
    }
    return value;
  }

  private static double range(String field, Double value, double current, double min, double max) {
    if (value == null) {
      return current;
    }
    if (value.isNaN() || value < min || value > max) {
      throw new InvalidRequest(
          field + ": must be from " + min + " to " + max + ", got " + value, field);
    }
    return value;
  }

  private static int count(String field, Integer value, int current, int min, int max) {
    if (value == null) {
      return current;
    }
    if (value < min || value > max) {
      throw new InvalidRequest(
          field + ": must be an integer from " + min + " to " + max + ", got " + value, field);
    }
    return value;
  }
}
