package dev.lectern.adapters.http.zylon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.adapters.http.common.FiniteNumbers;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.JsonFields;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.error.PayloadTooLarge;
import dev.lectern.application.port.in.artifact.ArtifactInput;
import dev.lectern.application.port.in.artifact.ContextFilter;
import dev.lectern.application.port.in.artifact.IngestArtifactCommand;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.DocumentEntry;
import dev.lectern.domain.artifact.FileNames;
import dev.lectern.domain.artifact.MetadataCondition;
import dev.lectern.domain.artifact.Revision;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.text.TextLimits;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Translates Zylon request bodies into commands, validating every field. */
final class ZylonRequests {
  static final String DEFAULT_COLLECTION = "pgpt_collection";
  static final int MAX_METADATA_BYTES = DocumentEntry.MAX_METADATA_BYTES;

  /** The longest URI ingest fetches; browsers and servers refuse longer ones too. */
  static final int MAX_URI_LENGTH = 8192;

  private final long maxInputBytes;

  ZylonRequests(long maxInputBytes) {
    this.maxInputBytes = maxInputBytes;
  }

  IngestArtifactCommand ingest(JsonFields body, String orgId) {
    CollectionId collection = collection(body, false);
    ArtifactId artifact = new ArtifactId(body.requiredId("artifact", ArtifactId.MAX_LENGTH));
    ArtifactInput input = input(body.requiredObject("input"));
    Map<String, Object> metadata = metadata(body);
    return new IngestArtifactCommand(orgId, collection, artifact, input, metadata);
  }

  ArtifactKey delete(JsonFields body, String orgId) {
    CollectionId collection = collection(body, true);
    ArtifactId artifact = new ArtifactId(body.requiredId("artifact", ArtifactId.MAX_LENGTH));
    return new ArtifactKey(orgId, collection, artifact);
  }

  ContextFilter contextFilter(JsonFields body, String orgId) {
    JsonFields filter = body.requiredObject("context_filter");
    CollectionId collection = collection(filter, true);
    List<String> ids = filter.optionalStrings("artifacts");
    List<ArtifactId> artifacts = null;
    if (ids != null) {
      artifacts = new ArrayList<>();
      for (String id : ids) {
        filter.checkLength("artifacts", id, ArtifactId.MAX_LENGTH);
        artifacts.add(new ArtifactId(id));
      }
    }
    List<MetadataCondition> conditions = new ArrayList<>();
    List<JsonFields> raw = filter.optionalObjects("metadata_filter");
    if (raw != null) {
      for (JsonFields item : raw) {
        conditions.add(condition(item));
      }
    }
    return new ContextFilter(orgId, collection, artifacts, conditions);
  }

  private static CollectionId collection(JsonFields body, boolean required) {
    if (!required && !body.has("collection")) {
      return new CollectionId(DEFAULT_COLLECTION);
    }
    return new CollectionId(body.requiredId("collection", CollectionId.MAX_LENGTH));
  }

  private static MetadataCondition condition(JsonFields item) {
    String key = item.requiredString("key");
    String symbol = item.optionalString("operator").orElse("==");
    MetadataCondition.Operator operator =
        MetadataCondition.Operator.fromSymbol(symbol)
            .orElseThrow(
                () ->
                    new InvalidRequest(
                        item.pathOf("operator")
                            + ": unsupported operator '"
                            + symbol
                            + "'; use ==, !=, in, nin or contains",
                        item.pathOf("operator")));
    JsonNode value = item.raw("value");
    if (value == null) {
      throw item.missing("value");
    }
    return new MetadataCondition(key, operator, Json.toJava(value));
  }

  private ArtifactInput input(JsonFields input) {
    String type = input.requiredString("type");
    String value = input.requiredString("value");
    String field = input.pathOf("value");
    return switch (type) {
      case "text" -> {
        if (value.isBlank()) {
          throw new InvalidRequest(field + ": text must not be empty", field);
        }
        if (value.length() > maxInputBytes) {
          checkSize(value.getBytes(StandardCharsets.UTF_8).length, field);
        }
        yield new ArtifactInput.Text(value);
      }
      case "file" -> new ArtifactInput.File(decodeBase64(value.strip(), field));
      case "uri" -> new ArtifactInput.Uri(uri(value.strip(), field));
      default ->
          throw new InvalidRequest(
              input.pathOf("type")
                  + ": must be one of 'text', 'file', 'uri', got '"
                  + TextLimits.cut(type, 100)
                  + "'",
              input.pathOf("type"));
    };
  }

  private byte[] decodeBase64(String value, String field) {
    if (value.isEmpty()) {
      throw new InvalidRequest(field + ": file content must not be empty", field);
    }
    checkSize((long) value.length() / 4 * 3, field);
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(field + ": not valid base64 (" + e.getMessage() + ")", field);
    }
    if (!Base64.getEncoder().encodeToString(bytes).equals(value)) {
      throw new InvalidRequest(
          field + ": base64 must be canonical (standard alphabet, with padding)", field);
    }
    checkSize(bytes.length, field);
    return bytes;
  }

  private void checkSize(long bytes, String field) {
    if (bytes > maxInputBytes) {
      throw new PayloadTooLarge(
          field + ": input is larger than the limit of " + maxInputBytes + " bytes", field);
    }
  }

  private static URI uri(String value, String field) {
    if (value.length() > MAX_URI_LENGTH) {
      throw new InvalidRequest(
          field + ": a URI may be at most " + MAX_URI_LENGTH + " characters long", field);
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new InvalidRequest(
            field
                + ": only http and https URIs are supported, got '"
                + TextLimits.cut(value, 200)
                + "'",
            field);
      }
      if (uri.getHost() == null) {
        throw new InvalidRequest(field + ": the URI has no host", field);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidRequest(
          field + ": not a valid URI (" + e.getReason() + " at index " + e.getIndex() + ")", field);
    }
  }

  /** A file name fits the store and is a name: no control characters. */
  private static void checkFileName(String name) {
    String field = "metadata.file_name";
    if (name.length() > Revision.MAX_FILE_NAME_LENGTH) {
      throw new InvalidRequest(
          field + ": must be at most " + Revision.MAX_FILE_NAME_LENGTH + " characters long", field);
    }
    if (FileNames.hasControlCharacters(name)) {
      throw new InvalidRequest(field + ": must not contain control characters", field);
    }
  }

  private static Map<String, Object> metadata(JsonFields body) {
    JsonNode raw = body.raw("metadata");
    if (raw == null || raw.isNull()) {
      return Map.of();
    }
    if (!raw.isObject()) {
      body.requiredObject("metadata");
    }
    JsonNode fileName = raw.get("file_name");
    if (fileName != null && !fileName.isNull() && !fileName.isTextual()) {
      throw new InvalidRequest("metadata.file_name: expected a string", "metadata.file_name");
    }
    if (fileName != null && fileName.isTextual()) {
      checkFileName(fileName.textValue());
    }
    if (raw.toString().getBytes(StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
      throw new PayloadTooLarge(
          "metadata: larger than the limit of " + MAX_METADATA_BYTES + " bytes", "metadata");
    }
    String huge = FiniteNumbers.firstNonFinite(raw, "metadata");
    if (huge != null) {
      throw new InvalidRequest(huge + ": a number too large to store (not finite)", huge);
    }
    return Json.toMap(raw);
  }
}
