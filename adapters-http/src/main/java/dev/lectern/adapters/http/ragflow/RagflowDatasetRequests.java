package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.domain.collection.Language;
import java.util.List;
import java.util.Set;

/**
 * Validates dataset create and update bodies as RAGFlow's pydantic models do (strict types, no
 * unknown fields) and reports what was given.
 */
final class RagflowDatasetRequests {
  static final int NAME_LIMIT = 128;
  static final List<String> PERMISSIONS = List.of("me", "team");
  static final Set<String> SUPPORTED_MODELS =
      Set.of(
          "BAAI/bge-large-zh-v1.5@BAAI",
          "BAAI/bge-small-en-v1.5@Builtin",
          "text-embedding-3-small@OpenAI",
          "text-embedding-3-large@OpenAI");

  private static final Set<String> CREATE_KEYS =
      Set.of(
          "name",
          "avatar",
          "description",
          "embedding_model",
          "permission",
          "chunk_method",
          "parser_config",
          "parse_type",
          "pipeline_id",
          "language");
  private static final Set<String> UPDATE_KEYS =
      Set.of(
          "name",
          "avatar",
          "description",
          "embedding_model",
          "permission",
          "chunk_method",
          "parser_config",
          "pagerank",
          "language");

  /** The fields a request set; a null field was not given. */
  record Given(
      String name,
      JsonNode avatar,
      JsonNode description,
      String embeddingModel,
      String permission,
      String chunkMethod,
      JsonNode parserConfig,
      Integer pagerank,
      Language language) {

    boolean empty() {
      return name == null
          && avatar == null
          && description == null
          && embeddingModel == null
          && permission == null
          && chunkMethod == null
          && parserConfig == null
          && pagerank == null
          && language == null;
    }
  }

  private RagflowDatasetRequests() {}

  static Given create(ObjectNode body) {
    Pydantic errors = new Pydantic();
    PydanticFields fields = new PydanticFields(body, "", errors);
    if (!body.has("name")) {
      errors.add("name", Pydantic.REQUIRED, body);
    }
    Given given = fields(body, fields, errors, false);
    fields.forbidExtra(CREATE_KEYS);
    errors.throwIfAny();
    checkModel(given.embeddingModel());
    return given;
  }

  static Given update(ObjectNode body) {
    Pydantic errors = new Pydantic();
    PydanticFields fields = new PydanticFields(body, "", errors);
    Given given = fields(body, fields, errors, true);
    fields.forbidExtra(UPDATE_KEYS);
    errors.throwIfAny();
    if (given.empty()) {
      throw RagflowErrors.argument("No properties were modified");
    }
    return given;
  }

  static void checkModel(String model) {
    if (model != null && !model.isEmpty() && !SUPPORTED_MODELS.contains(model)) {
      throw RagflowErrors.argument("Unsupported model: <" + model + ">");
    }
  }

  private static Given fields(
      ObjectNode body, PydanticFields fields, Pydantic errors, boolean update) {
    String name = fields.strippedString("name", 1, NAME_LIMIT);
    JsonNode avatar = body.get("avatar");
    if (fields.string("avatar", 0, 65535, true) != null) {
      avatar(avatar.textValue(), errors, avatar);
    }
    fields.string("description", 0, 65535, true);
    String model = embeddingModel(body.get("embedding_model"), errors);
    String permission = fields.literal("permission", PERMISSIONS);
    String method = fields.literal("chunk_method", RagflowParserConfigs.DATASET_METHODS);
    JsonNode parserConfig = body.get("parser_config");
    if (parserConfig != null && !parserConfig.isNull() && !parserConfig.isEmpty()) {
      RagflowParserConfigs.validate(parserConfig, "parser_config", errors);
    }
    Integer pagerank = null;
    if (update && body.has("pagerank")) {
      fields.integer("pagerank", 0, 100, false);
      pagerank = body.get("pagerank").isIntegralNumber() ? body.get("pagerank").intValue() : null;
    }
    Language language = language(body.get("language"), errors);
    return new Given(
        name,
        avatar,
        body.get("description"),
        model,
        permission,
        method,
        parserConfig,
        pagerank,
        language);
  }

  private static void avatar(String value, Pydantic errors, JsonNode input) {
    int comma = value.indexOf(',');
    if (comma < 0) {
      errors.add(
          "avatar", "Missing MIME prefix. Expected format: data:<mime>;base64,<data>", input);
      return;
    }
    String prefix = value.substring(0, comma);
    if (!prefix.startsWith("data:")) {
      errors.add("avatar", "Invalid MIME prefix format. Must start with 'data:'", input);
      return;
    }
    String mime = prefix.substring(5).split(";", -1)[0];
    if (!mime.equals("image/jpeg") && !mime.equals("image/png")) {
      errors.add("avatar", "Unsupported MIME type. Allowed: ['image/jpeg', 'image/png']", input);
    }
  }

  private static String embeddingModel(JsonNode value, Pydantic errors) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      errors.add("embedding_model", Pydantic.STRING, value);
      return null;
    }
    String model = value.textValue().strip();
    if (model.length() > 255) {
      errors.add("embedding_model", Pydantic.atMost(255), value);
      return null;
    }
    if (!model.contains("@")) {
      errors.add(
          "embedding_model",
          "Embedding model identifier must follow <model_name>@<provider> format",
          value);
      return null;
    }
    String[] parts = model.split("@", 2);
    if (parts[0].isEmpty() || parts[1].isEmpty()) {
      errors.add(
          "embedding_model", "Both model_name and provider must be non-empty strings", value);
      return null;
    }
    if (parts[0].isBlank() || parts[1].isBlank()) {
      errors.add(
          "embedding_model", "Model name and provider cannot be whitespace-only strings", value);
      return null;
    }
    return model;
  }

  private static Language language(JsonNode value, Pydantic errors) {
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      errors.add("language", Pydantic.STRING, value);
      return null;
    }
    Language language = Language.fromName(value.textValue()).orElse(null);
    if (language == null) {
      errors.add(
          "language",
          Pydantic.literal(List.of("English", "Spanish", "Russian", "Chinese", "Multilingual")),
          value);
    }
    return language;
  }
}
