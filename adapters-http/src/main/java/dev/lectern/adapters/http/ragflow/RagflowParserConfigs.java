package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** RAGFlow's {@code parser_config}: validation, per-method defaults and deep merging. */
final class RagflowParserConfigs {
  static final List<String> DATASET_METHODS =
      List.of(
          "naive",
          "book",
          "email",
          "laws",
          "manual",
          "one",
          "paper",
          "picture",
          "presentation",
          "qa",
          "table",
          "tag");
  static final String RAPTOR_PROMPT =
      "Please summarize the following paragraphs. Be careful with the numbers, do not make things"
          + " up. Paragraphs as following:\n      {cluster_content}\nThe above is the content you"
          + " need to summarize.";
  static final int MAX_JSON = 65535;

  private static final Set<String> KEYS =
      Set.of(
          "auto_keywords",
          "auto_questions",
          "chunk_token_num",
          "delimiter",
          "graphrag",
          "html4excel",
          "layout_recognize",
          "raptor",
          "tag_kb_ids",
          "topn_tags",
          "filename_embd_weight",
          "task_page_size",
          "pages");
  private static final Set<String> RAPTOR_KEYS =
      Set.of("use_raptor", "prompt", "max_token", "threshold", "max_cluster", "random_seed");
  private static final Set<String> GRAPHRAG_KEYS =
      Set.of("use_graphrag", "entity_types", "method", "community", "resolution");

  private RagflowParserConfigs() {}

  /** Validates a supplied config into {@code errors}, strictly typed, no unknown keys. */
  static void validate(JsonNode config, String loc, Pydantic errors) {
    if (!config.isObject()) {
      errors.add(loc, "Input should be a valid dictionary or instance of ParserConfig", config);
      return;
    }
    PydanticFields fields = new PydanticFields(config, loc, errors);
    fields.forbidExtra(KEYS);
    fields.integer("auto_keywords", 0, 32, false);
    fields.integer("auto_questions", 0, 10, false);
    fields.integer("chunk_token_num", 1, 2048, false);
    fields.string("delimiter", 1, Integer.MAX_VALUE, false);
    JsonNode graphrag = config.get("graphrag");
    if (graphrag != null) {
      graphrag(graphrag, loc + ".graphrag", errors);
    }
    fields.bool("html4excel");
    fields.string("layout_recognize", 0, Integer.MAX_VALUE, false);
    JsonNode raptor = config.get("raptor");
    if (raptor != null) {
      raptor(raptor, loc + ".raptor", errors);
    }
    fields.strings("tag_kb_ids");
    fields.integer("topn_tags", 1, 10, false);
    fields.number("filename_embd_weight", 0, 1, true);
    fields.integer("task_page_size", 1, Integer.MAX_VALUE, true);
    fields.pages("pages");
    if (errors.ok() && config.toString().length() > MAX_JSON) {
      errors.add(
          loc,
          "Parser config exceeds size limit (max 65,535 characters). Current size: "
              + config.toString().length(),
          config);
    }
  }

  /** A config as it will be stored, merged with what was there, must still fit. */
  static void checkMergedSize(Map<String, Object> config) {
    int size = Json.MAPPER.valueToTree(config).toString().length();
    if (size > MAX_JSON) {
      throw RagflowErrors.argument(
          "Parser config exceeds size limit (max 65,535 characters). Current size: " + size);
    }
  }

  private static void raptor(JsonNode raptor, String loc, Pydantic errors) {
    if (!raptor.isObject()) {
      errors.add(loc, "Input should be a valid dictionary or instance of RaptorConfig", raptor);
      return;
    }
    PydanticFields fields = new PydanticFields(raptor, loc, errors);
    fields.forbidExtra(RAPTOR_KEYS);
    fields.bool("use_raptor");
    fields.strippedString("prompt", 1);
    fields.integer("max_token", 1, 2048, false);
    fields.number("threshold", 0, 1, false);
    fields.integer("max_cluster", 1, 1024, false);
    fields.integer("random_seed", 0, Integer.MAX_VALUE, false);
  }

  private static void graphrag(JsonNode graphrag, String loc, Pydantic errors) {
    if (!graphrag.isObject()) {
      errors.add(loc, "Input should be a valid dictionary or instance of GraphragConfig", graphrag);
      return;
    }
    PydanticFields fields = new PydanticFields(graphrag, loc, errors);
    fields.forbidExtra(GRAPHRAG_KEYS);
    fields.bool("use_graphrag");
    fields.strings("entity_types");
    fields.literal("method", List.of("light", "general"));
    fields.bool("community");
    fields.bool("resolution");
  }

  /** What RAGFlow stores for a method when no config is supplied. */
  static ObjectNode methodDefault(String method) {
    ObjectNode config = Json.object();
    switch (method) {
      case "naive" -> {
        config.put("layout_recognize", "DeepDOC");
        config.put("chunk_token_num", 512);
        config.put("delimiter", "\n");
        config.put("auto_keywords", 0);
        config.put("auto_questions", 0);
        config.put("html4excel", false);
        config.put("image_context_size", 0);
        config.put("table_context_size", 0);
        config.put("topn_tags", 3);
        raptor(config, true);
        ObjectNode graphrag = config.putObject("graphrag");
        graphrag.put("use_graphrag", true);
        entityTypes(graphrag);
        graphrag.put("method", "light");
      }
      case "qa", "manual", "paper", "book", "laws", "presentation" -> {
        config.putObject("raptor").put("use_raptor", false);
        config.putObject("graphrag").put("use_graphrag", false);
        config.put("image_context_size", 0);
        config.put("table_context_size", 0);
      }
      default -> {
        config.put("image_context_size", 0);
        config.put("table_context_size", 0);
      }
    }
    return config;
  }

  /**
   * The config to store for a method and an optional supplied config: the supplied keys merged over
   * the method's defaults, so that a dataset created with a partial config differs from one created
   * without only in the keys it names.
   */
  static ObjectNode resolve(String method, JsonNode supplied) {
    ObjectNode base = methodDefault(method);
    if (supplied == null || supplied.isNull() || supplied.isEmpty()) {
      return base;
    }
    return deepMerge(base, supplied);
  }

  /** {@code target} with {@code patch} merged in, objects recursively. */
  static ObjectNode deepMerge(ObjectNode target, JsonNode patch) {
    ObjectNode merged = target.deepCopy();
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode existing = merged.get(field.getKey());
      if (existing instanceof ObjectNode object && field.getValue().isObject()) {
        merged.set(field.getKey(), deepMerge(object, field.getValue()));
      } else {
        merged.set(field.getKey(), field.getValue().deepCopy());
      }
    }
    return merged;
  }

  private static void raptor(ObjectNode config, boolean use) {
    ObjectNode raptor = config.putObject("raptor");
    raptor.put("use_raptor", use);
    raptor.put("prompt", RAPTOR_PROMPT);
    raptor.put("max_token", 256);
    raptor.put("threshold", 0.1);
    raptor.put("max_cluster", 64);
    raptor.put("random_seed", 0);
  }

  private static void entityTypes(ObjectNode graphrag) {
    graphrag
        .putArray("entity_types")
        .add("organization")
        .add("person")
        .add("geo")
        .add("event")
        .add("category");
  }
}
