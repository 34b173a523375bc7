package dev.lectern.adapters.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.domain.flow.Flow;
import dev.lectern.domain.flow.FlowStep;
import dev.lectern.domain.flow.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stores an assistant's flow as JSON text: its steps, their typed templates and its variables. */
final class FlowJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FlowJson() {}

  static String write(Flow flow) {
    if (flow == null) {
      return null;
    }
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode steps = root.putArray("steps");
    flow.steps().forEach(step -> steps.add(step(step)));
    root.set("variables", MAPPER.valueToTree(flow.variables()));
    return root.toString();
  }

  static Flow read(String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode root = MAPPER.readTree(json);
      List<FlowStep> steps = new ArrayList<>();
      root.get("steps").forEach(step -> steps.add(step(step)));
      return new Flow(steps, strings(root.get("variables")));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException("a stored flow is not valid", e);
    }
  }

  private static ObjectNode step(FlowStep step) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", step.id());
    node.put("label", step.label());
    switch (step) {
      case FlowStep.Begin begin -> {
        node.put("step", "begin");
        node.put("opener", begin.opener());
        node.set("inputs", MAPPER.valueToTree(begin.inputs()));
      }
      case FlowStep.Retrieve retrieve -> {
        node.put("step", "retrieve");
        node.set("datasets", MAPPER.valueToTree(retrieve.datasets()));
        node.put("top_n", retrieve.topN());
        node.put("threshold", retrieve.threshold());
        node.put("keyword_weight", retrieve.keywordWeight());
      }
      case FlowStep.Generate generate -> {
        node.put("step", "generate");
        node.put("model", generate.model());
        node.set("instructions", template(generate.instructions()));
        node.set("question", template(generate.question()));
        node.put("temperature", generate.temperature());
        node.put("top_p", generate.topP());
        node.put("max_tokens", generate.maxTokens());
        node.put("cite", generate.cite());
        node.put("older", generate.older());
      }
      case FlowStep.Message message -> {
        node.put("step", "message");
        ArrayNode choices = node.putArray("choices");
        message.choices().forEach(choice -> choices.add(template(choice)));
      }
    }
    return node;
  }

  private static FlowStep step(JsonNode node) {
    String id = node.get("id").asText();
    String label = node.get("label").asText();
    return switch (node.get("step").asText()) {
      case "begin" ->
          new FlowStep.Begin(id, label, node.get("opener").asText(), strings(node.get("inputs")));
      case "retrieve" -> {
        List<String> datasets = new ArrayList<>();
        node.get("datasets").forEach(dataset -> datasets.add(dataset.asText()));
        yield new FlowStep.Retrieve(
            id,
            label,
            datasets,
            node.get("top_n").isNull() ? null : node.get("top_n").asInt(),
            decimal(node.get("threshold")),
            decimal(node.get("keyword_weight")));
      }
      case "generate" ->
          new FlowStep.Generate(
              id,
              label,
              node.get("model").asText(),
              template(node.get("instructions")),
              template(node.get("question")),
              decimal(node.get("temperature")),
              decimal(node.get("top_p")),
              node.get("max_tokens").isNull() ? null : node.get("max_tokens").asInt(),
              node.get("cite").asBoolean(),
              node.get("older").asBoolean());
      case "message" -> {
        List<Template> choices = new ArrayList<>();
        node.get("choices").forEach(choice -> choices.add(template(choice)));
        yield new FlowStep.Message(id, label, choices);
      }
      default -> throw new IllegalStateException("unknown step " + node.get("step"));
    };
  }

  private static ArrayNode template(Template template) {
    ArrayNode parts = MAPPER.createArrayNode();
    for (Template.Part part : template.parts()) {
      ObjectNode node = parts.addObject();
      switch (part) {
        case Template.Literal literal -> node.put("text", literal.text());
        case Template.Variable variable -> node.put("variable", variable.name());
        case Template.Input input -> node.put("input", input.name());
        case Template.Slot slot -> node.put("slot", slot.name());
      }
    }
    return parts;
  }

  private static Template template(JsonNode parts) {
    List<Template.Part> read = new ArrayList<>();
    for (JsonNode part : parts) {
      if (part.has("text")) {
        read.add(new Template.Literal(part.get("text").asText()));
      } else if (part.has("variable")) {
        read.add(new Template.Variable(part.get("variable").asText()));
      } else if (part.has("input")) {
        read.add(new Template.Input(part.get("input").asText()));
      } else {
        read.add(Template.Slot.valueOf(part.get("slot").asText()));
      }
    }
    return new Template(read);
  }

  private static Double decimal(JsonNode value) {
    return value == null || value.isNull() ? null : value.asDouble();
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> values = new LinkedHashMap<>();
    node.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asText()));
    return values;
  }
}
