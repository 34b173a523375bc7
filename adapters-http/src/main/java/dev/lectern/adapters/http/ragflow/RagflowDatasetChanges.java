package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.domain.collection.Collection;
import dev.lectern.domain.collection.DatasetProfile;
import java.time.Instant;
import java.util.Map;

/**
 * RAGFlow's update rules: given fields replace, {@code parser_config} deep-merges into the stored
 * one, and a new chunk method without a config resets the config to that method's defaults.
 */
final class RagflowDatasetChanges {
  private RagflowDatasetChanges() {}

  static Collection apply(
      Collection current, RagflowDatasetRequests.Given given, ObjectNode body, Instant now) {
    DatasetProfile old = current.profile();
    String method = given.chunkMethod() == null ? old.chunkMethod().code() : given.chunkMethod();
    Map<String, Object> config = old.parserConfig();
    JsonNode supplied = given.parserConfig();
    if (supplied != null && !supplied.isNull() && !supplied.isEmpty()) {
      ObjectNode stored = Json.MAPPER.valueToTree(old.parserConfig());
      config = Json.toMap(RagflowParserConfigs.deepMerge(stored, supplied));
    } else if (!method.equals(old.chunkMethod().code())) {
      config = Json.toMap(RagflowParserConfigs.methodDefault(method));
    }
    // Merged into what is stored, a config that was small enough alone may not be.
    RagflowParserConfigs.checkMergedSize(config);
    String model =
        given.embeddingModel() == null || given.embeddingModel().isEmpty()
            ? old.embeddingModel()
            : given.embeddingModel();
    DatasetProfile profile =
        new DatasetProfile(
            body.has("description") ? text(body.get("description")) : old.description(),
            body.has("avatar") ? text(body.get("avatar")) : old.avatar(),
            model,
            given.permission() == null ? old.permission() : given.permission(),
            RagflowWire.chunkMethod(method),
            config,
            given.pagerank() == null ? old.pagerank() : given.pagerank());
    return new Collection(
        current.orgId(),
        current.id(),
        given.name() == null ? current.name() : given.name(),
        given.language() == null ? current.language() : given.language(),
        profile.chunkTokens(Collection.DEFAULT_CHUNK_TOKENS),
        current.createdAt(),
        now,
        profile);
  }

  private static String text(JsonNode value) {
    return value == null || value.isNull() ? null : value.asText();
  }
}
