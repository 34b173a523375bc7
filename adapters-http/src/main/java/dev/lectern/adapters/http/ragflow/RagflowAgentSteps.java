package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.domain.flow.FlowStep;
import java.util.ArrayList;
import java.util.List;

/** Reads the params of each step of an agent's DSL, with RAGFlow's defaults and checks. */
final class RagflowAgentSteps {
  private RagflowAgentSteps() {}

  static FlowStep.Retrieve search(String id, String label, JsonNode params) {
    JsonNode ids = params.get("kb_ids");
    List<String> datasets = new ArrayList<>();
    if (ids != null && ids.isArray()) {
      for (JsonNode dataset : ids) {
        if (!dataset.isTextual() || dataset.asText().isBlank()) {
          throw RagflowErrors.data("Retrieval " + id + ": kb_ids must be dataset ids.");
        }
        if (dataset.asText().contains("@")) {
          throw RagflowErrors.data(
              "Retrieval " + id + ": datasets chosen by a variable are not supported.");
        }
        datasets.add(dataset.asText());
      }
    }
    if (datasets.isEmpty()) {
      throw RagflowErrors.data("No dataset is selected.");
    }
    Double threshold = fraction(params, "similarity_threshold");
    Double weight = fraction(params, "keywords_similarity_weight");
    Integer topN = null;
    if (params.hasNonNull("top_n")) {
      if (!params.get("top_n").canConvertToInt() || params.get("top_n").asInt() <= 0) {
        throw RagflowErrors.data("[Retrieval] Top N should be a positive integer.");
      }
      topN = params.get("top_n").asInt();
    }
    return new FlowStep.Retrieve(id, label, datasets, topN, threshold, weight);
  }

  /**
   * The LLM step. RAGFlow sends a sampling value only when it is positive and its {@code …Enabled}
   * flag is set; the older Generate component keeps its system prompt in {@code prompt}.
   */
  static FlowStep.Generate llm(
      String id, String label, String name, JsonNode params, RagflowAgentTemplates.Ids ids) {
    boolean generate = "Generate".equals(name);
    String system = plain(params.get(generate ? "prompt" : "sys_prompt"));
    String user = "{sys.query}";
    JsonNode prompts = params.get("prompts");
    if (!generate && prompts != null && prompts.isArray()) {
      for (JsonNode prompt : prompts) {
        if ("user".equals(prompt.path("role").asText()) && prompt.path("content").isTextual()) {
          user = prompt.get("content").asText();
        }
      }
    }
    if (user.isBlank()) {
      throw RagflowErrors.data("[Agent] User prompt can not be empty.");
    }
    Double temperature = enabled(params, "temperature", generate);
    Double topP = enabled(params, "top_p", generate);
    Double tokens = enabled(params, "max_tokens", generate);
    JsonNode cite = params.get("cite");
    return new FlowStep.Generate(
        id,
        label,
        plain(params.get("llm_id")),
        RagflowAgentTemplates.parse(system, ids, generate),
        RagflowAgentTemplates.parse(user, ids, false),
        temperature,
        topP,
        tokens == null ? null : tokens.intValue(),
        cite == null || cite.isNull() || cite.asBoolean(true),
        generate);
  }

  static FlowStep.Message contents(
      String id, String label, JsonNode params, RagflowAgentTemplates.Ids ids) {
    JsonNode content = params.get("content");
    List<String> contents = new ArrayList<>();
    if (content != null && content.isTextual() && !content.asText().isBlank()) {
      contents.add(content.asText());
    } else if (content != null && content.isArray()) {
      for (JsonNode each : content) {
        if (!each.isTextual() || each.asText().isBlank()) {
          throw RagflowErrors.data("[Message] Content does not support empty value.");
        }
        contents.add(each.asText());
      }
    }
    if (contents.isEmpty()) {
      throw RagflowErrors.data("[Message] Content does not support empty value.");
    }
    return new FlowStep.Message(
        id,
        label,
        contents.stream().map(text -> RagflowAgentTemplates.parse(text, ids, false)).toList());
  }

  /** A value as template text: strings as they are, anything else as JSON, null as "". */
  static String plain(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    return value.isTextual() ? value.asText() : value.toString();
  }

  private static Double fraction(JsonNode params, String field) {
    if (!params.hasNonNull(field)) {
      return null;
    }
    JsonNode value = params.get(field);
    if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
      throw RagflowErrors.data("[Retrieval] " + field + " should be a number in [0, 1].");
    }
    return value.asDouble();
  }

  private static Double enabled(JsonNode params, String field, boolean always) {
    JsonNode value = params.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw RagflowErrors.data("[Agent] " + field + " should be a number.");
    }
    boolean on = always || params.path(flag(field)).asBoolean(false);
    return on && value.asDouble() > 0 ? value.asDouble() : null;
  }

  /** {@code top_p} → {@code topPEnabled}, as RAGFlow's web editor names the switches. */
  private static String flag(String field) {
    StringBuilder name = new StringBuilder();
    boolean upper = false;
    for (char c : field.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name + "Enabled";
  }
}
