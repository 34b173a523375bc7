package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A RAGFlow agent's DSL, read and checked: the linear subset Lectern runs, {@code Begin → Retrieval
 * → LLM (or the older Generate) → Message}, where Retrieval and the LLM may be left out. Any other
 * component, a branch or a missing step is refused with code 102, naming what is wrong.
 *
 * @param steps the components in the order they run, Begin first and Message last
 * @param prologue the Begin component's opener
 * @param retrieval the Retrieval step, if any
 * @param llm the LLM or Generate step, if any
 * @param contents the Message component's templates; one is picked for each answer
 * @param variables the DSL's {@code env.*} values
 * @param inputs the Begin component's inputs that have a value of their own, used when a request
 *     does not give them
 */
record RagflowAgentDsl(
    List<Step> steps,
    String prologue,
    Optional<Search> retrieval,
    Optional<Llm> llm,
    List<String> contents,
    Map<String, String> variables,
    Map<String, String> inputs) {

  /** The components an agent may have. */
  static final Set<String> SUPPORTED = Set.of("Begin", "Retrieval", "LLM", "Generate", "Message");

  /** RAGFlow's Begin opener when the DSL gives none. */
  static final String DEFAULT_PROLOGUE = "Hi! I'm your smart assistant. What can I do for you?";

  /** The most components an agent may chain. */
  private static final int MAX_STEPS = 64;

  /**
   * One component as it runs: its id in the DSL, its kind, and the name the DSL's graph shows for
   * it ("" when it has none).
   */
  record Step(String id, String name, String label) {}

  /** The Retrieval step's datasets and settings; null settings keep Lectern's defaults. */
  record Search(
      String id, List<String> datasets, Integer topN, Double threshold, Double keywordWeight) {}

  /**
   * The LLM step: which model (as the DSL names it), its system and user prompts, and the sampling
   * the DSL enables.
   */
  record Llm(
      String id,
      String model,
      String systemPrompt,
      String userPrompt,
      Double temperature,
      Double topP,
      Integer maxTokens,
      boolean cite) {}

  /** Reads a DSL given as an object or as the JSON text of one. */
  static RagflowAgentDsl read(JsonNode dsl) {
    ObjectNode root = root(dsl);
    JsonNode components = root.get("components");
    if (components == null || !components.isObject() || components.isEmpty()) {
      throw RagflowFailure.data("The DSL has no components.");
    }
    components
        .properties()
        .forEach(entry -> component(entry.getKey(), entry.getValue())); // names every one
    JsonNode begin = components.get("begin");
    if (begin == null || !"Begin".equals(name(begin))) {
      throw RagflowFailure.data("The DSL has no Begin component with the id 'begin'.");
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
        throw RagflowFailure.data("The DSL is not valid JSON.");
      }
    }
    if (node == null || !node.isObject()) {
      throw RagflowFailure.data("The DSL must be an object.");
    }
    return (ObjectNode) node;
  }

  /** Follows {@code downstream} from Begin to Message, one component at a time. */
  private static RagflowAgentDsl walk(
      JsonNode components, Map<String, String> variables, Map<String, String> labels) {
    List<Step> steps = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Search search = null;
    Llm llm = null;
    List<String> contents = null;
    String prologue = DEFAULT_PROLOGUE;
    Map<String, String> inputs = Map.of();
    String id = "begin";
    while (id != null) {
      if (!seen.add(id) || steps.size() >= MAX_STEPS) {
        throw RagflowFailure.data("Component " + id + " runs twice: an agent here is linear.");
      }
      JsonNode component = components.get(id);
      if (component == null) {
        throw RagflowFailure.data("Component " + id + " does not exist.");
      }
      String name = name(component);
      JsonNode params = params(component);
      String order = orderError(name, steps.isEmpty(), search, llm, contents);
      if (order != null) {
        throw RagflowFailure.data(order + " (component " + id + ").");
      }
      switch (name) {
        case "Begin" -> {
          prologue = prologue(params);
          inputs = valuesOf(params.get("inputs"));
        }
        case "Retrieval" -> search = RagflowAgentSteps.search(id, params);
        case "LLM", "Generate" -> llm = RagflowAgentSteps.llm(id, name, params);
        default -> contents = RagflowAgentSteps.contents(id, params);
      }
      steps.add(new Step(id, name, labels.getOrDefault(id, "")));
      id = next(id, component);
    }
    if (contents == null) {
      throw RagflowFailure.data("The agent must end with a Message component.");
    }
    return new RagflowAgentDsl(
        steps,
        prologue,
        Optional.ofNullable(search),
        Optional.ofNullable(llm),
        contents,
        variables,
        inputs);
  }

  /** Why {@code name} cannot come next, or null when it can. */
  private static String orderError(
      String name, boolean first, Search search, Llm llm, List<String> contents) {
    if (contents != null) {
      return "Nothing may follow the Message component";
    }
    if (first != "Begin".equals(name)) {
      return first ? "The agent must start with Begin" : "Begin may only come first";
    }
    if ("Retrieval".equals(name) && (search != null || llm != null)) {
      return "Retrieval may come once, before the LLM";
    }
    if (("LLM".equals(name) || "Generate".equals(name)) && llm != null) {
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
      throw RagflowFailure.data("Component " + id + ": downstream must be a list of ids.");
    }
    if (downstream.size() > 1) {
      throw RagflowFailure.data(
          "Component " + id + " has more than one downstream: an agent here is linear.");
    }
    return downstream.get(0).asText();
  }

  private static void component(String id, JsonNode component) {
    String name = name(component);
    if (name == null) {
      throw RagflowFailure.data("Component " + id + " has no obj.component_name.");
    }
    if (!SUPPORTED.contains(name)) {
      throw RagflowFailure.data(
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
