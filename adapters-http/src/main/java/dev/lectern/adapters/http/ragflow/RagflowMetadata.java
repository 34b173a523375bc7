package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.domain.artifact.MetadataComparison;
import dev.lectern.domain.artifact.MetadataComparison.Operator;
import dev.lectern.domain.artifact.MetadataFilter;
import dev.lectern.domain.artifact.MetadataPredicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code metadata_condition}: {@code {logic, conditions:[{name, comparison_operator,
 * value}]}}.
 */
final class RagflowMetadata {
  private static final Map<String, Operator> OPERATORS =
      Map.ofEntries(
          Map.entry("is", Operator.EQUAL),
          Map.entry("=", Operator.EQUAL),
          Map.entry("not is", Operator.NOT_EQUAL),
          Map.entry("≠", Operator.NOT_EQUAL),
          Map.entry("!=", Operator.NOT_EQUAL),
          Map.entry("contains", Operator.CONTAINS),
          Map.entry("not contains", Operator.NOT_CONTAINS),
          Map.entry("in", Operator.IN),
          Map.entry("not in", Operator.NOT_IN),
          Map.entry("start with", Operator.STARTS_WITH),
          Map.entry("end with", Operator.ENDS_WITH),
          Map.entry(">", Operator.GREATER),
          Map.entry("<", Operator.LESS),
          Map.entry("≥", Operator.GREATER_OR_EQUAL),
          Map.entry(">=", Operator.GREATER_OR_EQUAL),
          Map.entry("≤", Operator.LESS_OR_EQUAL),
          Map.entry("<=", Operator.LESS_OR_EQUAL),
          Map.entry("empty", Operator.EMPTY),
          Map.entry("not empty", Operator.NOT_EMPTY));

  private RagflowMetadata() {}

  /** The filter, or {@link MetadataFilter#NONE} when the condition is absent or empty. */
  static MetadataFilter filter(JsonNode condition) {
    if (condition == null || condition.isNull()) {
      return MetadataFilter.NONE;
    }
    if (!condition.isObject()) {
      throw RagflowErrors.data("metadata_condition must be an object.");
    }
    String logic = condition.path("logic").asText("and").toLowerCase(Locale.ROOT);
    if (!logic.equals("and") && !logic.equals("or")) {
      throw RagflowErrors.data("metadata_condition.logic must be 'and' or 'or'.");
    }
    JsonNode conditions = condition.get("conditions");
    if (conditions == null || conditions.isNull()) {
      return MetadataFilter.NONE;
    }
    if (!conditions.isArray()) {
      throw RagflowErrors.data("metadata_condition.conditions must be a list.");
    }
    List<MetadataPredicate> predicates = new ArrayList<>();
    for (JsonNode item : conditions) {
      predicates.add(comparison(item));
    }
    return new MetadataFilter(logic.equals("or"), predicates);
  }

  private static MetadataComparison comparison(JsonNode item) {
    if (!item.isObject() || !item.path("name").isTextual()) {
      throw RagflowErrors.data("metadata_condition.conditions[].name is required.");
    }
    String symbol = item.path("comparison_operator").asText("");
    Operator operator = OPERATORS.get(symbol.strip().toLowerCase(Locale.ROOT));
    if (operator == null) {
      throw RagflowErrors.data(
          "metadata_condition.conditions[].comparison_operator '" + symbol + "' is not supported.");
    }
    JsonNode value = item.get("value");
    return new MetadataComparison(
        item.get("name").textValue(), operator, value == null ? null : Json.toJava(value));
  }
}
