package dev.lectern.application.service.artifact;

import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.artifact.ArtifactInput;
import dev.lectern.application.port.in.artifact.IngestArtifactCommand;
import dev.lectern.application.port.in.artifact.IngestedDocument;
import dev.lectern.application.port.out.BlobStore;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.ContentHash;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.task.Task;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How artifact tasks are written into the queue: payloads and results as JSON-like maps. Inline
 * content travels as a blob hash, so a task row stays small whatever the document's size.
 */
final class ArtifactTaskPayloads {
  private static final String COLLECTION = "collection";
  private static final String ARTIFACT = "artifact";
  private static final String INPUT = "input";
  private static final String TYPE = "type";
  private static final String BLOB = "blob";
  private static final String URI_VALUE = "uri";
  private static final String METADATA = "metadata";
  private static final String DOCUMENTS = "documents";
  private static final String HASH = "hash";

  private ArtifactTaskPayloads() {}

  static Map<String, Object> ingest(IngestArtifactCommand command, Map<String, Object> input) {
    Map<String, Object> payload = key(command.collectionId(), command.artifactId());
    payload.put(INPUT, input);
    payload.put(METADATA, command.metadata());
    return payload;
  }

  static Map<String, Object> blobInput(String type, ContentHash hash) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put(TYPE, type);
    input.put(BLOB, hash.hex());
    return input;
  }

  static Map<String, Object> uriInput(URI uri) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put(TYPE, URI_VALUE);
    input.put(URI_VALUE, uri.toString());
    return input;
  }

  /** A payload naming only the artifact. */
  static Map<String, Object> keyPayload(ArtifactKey key) {
    return key(key.collectionId(), key.artifactId());
  }

  static Map<String, Object> delete(ArtifactKey key) {
    return key(key.collectionId(), key.artifactId());
  }

  static ArtifactKey artifactKey(Task task) {
    return new ArtifactKey(
        task.orgId(),
        new CollectionId((String) task.payload().get(COLLECTION)),
        new ArtifactId((String) task.payload().get(ARTIFACT)));
  }

  /** The blob an ingest task still needs, if its input is inline content. */
  static Optional<String> inputBlob(Task task) {
    if (task.payload().get(INPUT) instanceof Map<?, ?> input
        && input.get(BLOB) instanceof String hash) {
      return Optional.of(hash);
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  static IngestArtifactCommand ingestCommand(Task task, BlobStore blobs) {
    ArtifactKey key = artifactKey(task);
    Map<String, Object> input = (Map<String, Object>) task.payload().get(INPUT);
    Object metadata = task.payload().get(METADATA);
    ArtifactInput artifactInput =
        switch ((String) input.get(TYPE)) {
          case URI_VALUE -> new ArtifactInput.Uri(URI.create((String) input.get(URI_VALUE)));
          case "text" ->
              new ArtifactInput.Text(new String(blob(blobs, input), StandardCharsets.UTF_8));
          default -> new ArtifactInput.File(blob(blobs, input));
        };
    return new IngestArtifactCommand(
        key.orgId(),
        key.collectionId(),
        key.artifactId(),
        artifactInput,
        metadata instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
  }

  static Map<String, Object> ingestResult(List<IngestedDocument> documents) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (IngestedDocument document : documents) {
      Map<String, Object> item = key(document.key().collectionId(), document.key().artifactId());
      item.put(HASH, document.hash().hex());
      item.put(METADATA, document.metadata());
      items.add(item);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put(DOCUMENTS, items);
    return result;
  }

  @SuppressWarnings("unchecked")
  static List<IngestedDocument> documents(Task task) {
    if (task.result() == null || !(task.result().get(DOCUMENTS) instanceof List<?> items)) {
      return List.of();
    }
    List<IngestedDocument> documents = new ArrayList<>();
    for (Object raw : items) {
      Map<String, Object> item = (Map<String, Object>) raw;
      documents.add(
          new IngestedDocument(
              new ArtifactKey(
                  task.orgId(),
                  new CollectionId((String) item.get(COLLECTION)),
                  new ArtifactId((String) item.get(ARTIFACT))),
              new ContentHash((String) item.get(HASH)),
              (Map<String, Object>) item.get(METADATA)));
    }
    return documents;
  }

  private static byte[] blob(BlobStore blobs, Map<String, Object> input) {
    String hash = (String) input.get(BLOB);
    return blobs
        .get(new ContentHash(hash))
        .orElseThrow(
            () -> new NotFound("the task's stored input " + hash + " is gone", "input.value"));
  }

  private static Map<String, Object> key(CollectionId collection, ArtifactId artifact) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(COLLECTION, collection.value());
    map.put(ARTIFACT, artifact.value());
    return map;
  }
}
