package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.domain.flow.Flow;
import dev.lectern.domain.flow.FlowStep;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A RAGFlow agent's DSL read into a flow: the linear subset Lectern runs, {@code Begin → Retrieval
 * → LLM (or the older Generate) → Message}, where Retrieval and the LLM may be left out. Any other
 * component, a branch or a missing step is refused with code 102, naming what is wrong.
 */
final class RagflowAgentDsl {
  /** The components an agent may have. */
  static final Set<String> SUPPORTED = Set.of("Begin", "Retrieval", "LLM", "Generate", "Message");

  /** RAGFlow's Begin opener when the DSL gives none. */
  static final String DEFAULT_PROLOGUE = "Hi! I'm your smart assistant. What can I do for you?";

  /** One component as the walk finds it, before its templates are read. */
  private record Component(String id, String name, JsonNode params, String label) {}

  private RagflowAgentDsl() {}

  /** Reads a DSL given as an object or as the JSON text of one. */
  static Flow read(JsonNode dsl) {
    ObjectNode root = root(dsl);
    JsonNode components = root.get("components");
    if (components == null || !components.isObject() || components.isEmpty()) {
      throw RagflowErrors.data("The DSL has no components.");
    }
    components
        .properties()
        .forEach(entry -> component(entry.getKey(), entry.getValue())); // names every one
    JsonNode begin = components.get("begin");
    if (begin == null || !"Begin".equals(name(begin))) {
      throw RagflowErrors.data("The DSL has no Begin component with the id 'begin'.");
    }
    return walk(components, valuesOf(root.get("variables")), labels(root.path("graph")));
  }

  /** The DSL as stored: compact JSON text. */
  static String text(JsonNode dsl) {
    return root(dsl).toString();
  }

  private static ObjectNode root(JsonNode dsl) {
    JsonNode node = dsl;
    if (node != null && node.isTextual()) {
      try {
        node = Json.MAPPER.readTree(node.asText());
      } catch (JsonProcessingException e) {
        throw RagflowErrors.data("The DSL is not valid JSON.");
      }
    }
    if (node == null || !node.isObject()) {
      throw RagflowErrors.data("The DSL must be an object.");
    }
    return (ObjectNode) node;
  }

  /** Follows {@code downstream} from Begin to Message, one component at a time. */
  private static Flow walk(
      JsonNode components, Map<String, String> variables, Map<String, String> labels) {
    List<FlowStep> steps = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    RagflowAgentTemplates.Ids ids = new RagflowAgentTemplates.Ids(null, null);
    String id = "begin";
    while (id != null) {
      if (!seen.add(id) || steps.size() >= Flow.MAX_STEPS) {
        throw RagflowErrors.data("Component " + id + " runs twice: an agent here is linear.");
      }
      JsonNode component = components.get(id);
      if (component == null) {
        throw RagflowErrors.data("Component " + id + " does not exist.");
      }
      String name = name(component);
      String order = orderError(name, names);
      if (order != null) {
        throw RagflowErrors.data(order + " (component " + id + ").");
      }
      // Templates may name the steps before them and their own; each step is read as it is met.
      ids =
          switch (name) {
            case "Retrieval" -> new RagflowAgentTemplates.Ids(id, ids.llm());
            case "LLM", "Generate" -> new RagflowAgentTemplates.Ids(ids.retrieval(), id);
            default -> ids;
          };
      steps.add(step(new Component(id, name, params(component), labels.getOrDefault(id, "")), ids));
      names.add(name);
      id = next(id, component);
    }
    if (!"Message".equals(names.getLast())) {
      throw RagflowErrors.data("The agent must end with a Message component.");
    }
    return new Flow(steps, variables);
  }

  private static FlowStep step(Component component, RagflowAgentTemplates.Ids ids) {
    String id = component.id();
    String label = component.label();
    JsonNode params = component.params();
    return switch (component.name()) {
      case "Begin" ->
          new FlowStep.Begin(id, label, prologue(params), valuesOf(params.get("inputs")));
      case "Retrieval" -> RagflowAgentSteps.search(id, label, params);
      case "LLM", "Generate" -> RagflowAgentSteps.llm(id, label, component.name(), params, ids);
      default -> RagflowAgentSteps.contents(id, label, params, ids);
    };
  }

  /** The component name RAGFlow gives a step of the flow. */
  static String componentName(FlowStep step) {
    return switch (step) {
      case FlowStep.Begin begin -> "Begin";
      case FlowStep.Retrieve retrieve -> "Retrieval";
      case FlowStep.Generate generate -> generate.older() ? "Generate" : "LLM";
      case FlowStep.Message message -> "Message";
    };
  }

  /** Why {@code name} cannot come after the components {@code before}, or null when it can. */
  private static String orderError(String name, List<String> before) {
    boolean llm = before.contains("LLM") || before.contains("Generate");
    if (before.contains("Message")) {
      return "Nothing may follow the Message component";
    }
    if (before.isEmpty() != "Begin".equals(name)) {
      return before.isEmpty() ? "The agent must start with Begin" : "Begin may only come first";
    }
    if ("Retrieval".equals(name) && (before.contains("Retrieval") || llm)) {
      return "Retrieval may come once, before the LLM";
    }
    if (("LLM".equals(name) || "Generate".equals(name)) && llm) {
      return "The agent may have one LLM";
    }
    return null;
  }

  private static String next(String id, JsonNode component) {
    JsonNode downstream = component.get("downstream");
    if (downstream == null || downstream.isNull() || downstream.isEmpty()) {
      return null;
    }
    if (!downstream.isArray() || !downstream.get(0).isTextual()) {
      throw RagflowErrors.data("Component " + id + ": downstream must be a list of ids.");
    }
    if (downstream.size() > 1) {
      throw RagflowErrors.data(
          "Component " + id + " has more than one downstream: an agent here is linear.");
    }
    return downstream.get(0).asText();
  }

  private static void component(String id, JsonNode component) {
    String name = name(component);
    if (name == null) {
      throw RagflowErrors.data("Component " + id + " has no obj.component_name.");
    }
    if (!SUPPORTED.contains(name)) {
      throw RagflowErrors.data(
          "Component "
              + name
              + " ("
              + id
              + ") is not supported: an agent here runs Begin, Retrieval, LLM (or Generate)"
              + " and Message, in that order.");
    }
  }

  static String name(JsonNode component) {
    JsonNode name = component.path("obj").path("component_name");
    return name.isTextual() ? name.asText() : null;
  }

  private static JsonNode params(JsonNode component) {
    JsonNode params = component.path("obj").path("params");
    return params.isObject() ? params : Json.object();
  }

  private static String prologue(JsonNode params) {
    JsonNode prologue = params.get("prologue");
    return prologue != null && prologue.isTextual() ? prologue.asText() : DEFAULT_PROLOGUE;
  }

  /**
   * Named values given as {@code {name: {value, …}}} or {@code {name: value}}, as the DSL's
   * variables, Begin's inputs and a request's inputs are; names without a value are left out.
   */
  static Map<String, String> valuesOf(JsonNode node) {
    Map<String, String> values = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.properties()
          .forEach(
              entry -> {
                JsonNode value =
                    entry.getValue().isObject() ? entry.getValue().get("value") : entry.getValue();
                if (value != null && !value.isNull()) {
                  values.put(entry.getKey(), RagflowAgentSteps.plain(value));
                }
              });
    }
    return values;
  }

  /** The names the DSL's graph gives its nodes: {@code graph.nodes[].{id, data.name}}. */
  private static Map<String, String> labels(JsonNode graph) {
    Map<String, String> labels = new LinkedHashMap<>();
    JsonNode nodes = graph.path("nodes");
    if (nodes.isArray()) {
      for (JsonNode node : nodes) {
        JsonNode name = node.path("data").path("name");
        if (node.path("id").isTextual() && name.isTextual()) {
          labels.put(node.get("id").asText(), name.asText());
        }
      }
    }
    return labels;
  }
}
