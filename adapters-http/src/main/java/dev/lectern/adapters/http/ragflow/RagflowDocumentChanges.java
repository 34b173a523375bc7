package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.FiniteNumbers;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.port.in.document.DocumentView;
import dev.lectern.domain.artifact.DocumentEntry;
import dev.lectern.domain.artifact.FileNames;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** RAGFlow's document update rules, checked in RAGFlow's order. */
final class RagflowDocumentChanges {
  static final List<String> METHODS =
      List.of(
          "naive",
          "manual",
          "qa",
          "table",
          "paper",
          "book",
          "laws",
          "presentation",
          "picture",
          "one",
          "knowledge_graph",
          "email",
          "tag");

  private RagflowDocumentChanges() {}

  static DocumentEntry apply(DocumentView current, ObjectNode body) {
    DocumentEntry entry = current.entry();
    unchanged(body, "chunk_count", current.chunkCount());
    unchanged(body, "token_count", current.tokenCount());
    if (body.has("progress") && body.get("progress").asDouble() != entry.parse().progress()) {
      throw RagflowErrors.data("Can't change `progress`.");
    }
    Map<String, Object> metaFields = entry.metaFields();
    if (body.has("meta_fields")) {
      if (!body.get("meta_fields").isObject()) {
        throw RagflowErrors.data("meta_fields must be a dictionary");
      }
      int size = body.get("meta_fields").toString().getBytes(StandardCharsets.UTF_8).length;
      if (size > DocumentEntry.MAX_METADATA_BYTES) {
        throw RagflowErrors.argument(
            "meta_fields must be at most "
                + DocumentEntry.MAX_METADATA_BYTES
                + " bytes as JSON, got "
                + size);
      }
      String huge = FiniteNumbers.firstNonFinite(body.get("meta_fields"), "meta_fields");
      if (huge != null) {
        throw RagflowErrors.data(huge + " must be a finite number");
      }
      metaFields = Json.toMap(body.get("meta_fields"));
    }
    String name = entry.name();
    JsonNode newName = body.get("name");
    if (newName != null && !newName.asText().equals(entry.name())) {
      String text = newName.asText();
      if (text.getBytes(StandardCharsets.UTF_8).length > RagflowDocumentHandlers.NAME_BYTES) {
        throw RagflowErrors.argument("File name must be 255 bytes or less.");
      }
      if (FileNames.hasControlCharacters(text)) {
        throw RagflowErrors.argument("File name must not contain control characters.");
      }
      if (!suffix(text).equals(suffix(entry.name()))) {
        throw RagflowErrors.argument("The extension of file can't be changed");
      }
      name = text;
    }
    String method = entry.chunkMethod().code();
    Map<String, Object> config = entry.parserConfig();
    JsonNode suppliedConfig = body.get("parser_config");
    if (suppliedConfig != null && suppliedConfig.isObject()) {
      ObjectNode stored = Json.MAPPER.valueToTree(config);
      config = Json.toMap(RagflowParserConfigs.deepMerge(stored, suppliedConfig));
    }
    if (body.has("chunk_method")) {
      String wanted = body.get("chunk_method").asText("");
      if (!METHODS.contains(wanted)) {
        throw RagflowErrors.data("`chunk_method` " + wanted + " doesn't exist");
      }
      if (!wanted.equals(method)) {
        method = wanted;
        ObjectNode base = RagflowParserConfigs.methodDefault(method);
        config =
            Json.toMap(
                suppliedConfig != null && suppliedConfig.isObject()
                    ? RagflowParserConfigs.deepMerge(base, suppliedConfig)
                    : base);
      }
    }
    RagflowParserConfigs.checkMergedSize(config);
    boolean enabled = entry.enabled();
    if (body.has("enabled")) {
      JsonNode value = body.get("enabled");
      enabled = value.isBoolean() ? value.booleanValue() : value.asInt(1) != 0;
    }
    return new DocumentEntry(
        entry.key(),
        name,
        entry.source(),
        entry.sizeBytes(),
        RagflowWire.chunkMethod(method),
        config,
        metaFields,
        enabled,
        entry.parse(),
        entry.createdAt(),
        entry.updatedAt());
  }

  private static void unchanged(ObjectNode body, String field, long actual) {
    if (body.has(field) && body.get(field).asLong() != actual) {
      throw RagflowErrors.data("Can't change `" + field + "`.");
    }
  }

  /** The lowercase extension, with its dot, as Python's {@code pathlib} gives it. */
  private static String suffix(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    return dot <= 0 || dot == lower.length() - 1 ? "" : lower.substring(dot);
  }
}
