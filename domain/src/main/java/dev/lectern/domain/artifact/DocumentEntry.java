package dev.lectern.domain.artifact;

import dev.lectern.domain.collection.ChunkMethod;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Entity: the catalogue entry of an uploaded document (a RAGFlow document): its name, original
 * bytes, how to chunk it, its metadata fields and its parse state. The artifact with the same key
 * holds what parsing produced.
 *
 * @param source hash of the original bytes in the blob store
 * @param chunkMethod how to chunk it; the dataset's when it was uploaded
 * @param parserConfig the chunk method's settings in their wire form
 * @param metaFields user metadata, used by metadata filters
 * @param enabled whether its chunks may be retrieved
 */
public record DocumentEntry(
    ArtifactKey key,
    String name,
    ContentHash source,
    long sizeBytes,
    ChunkMethod chunkMethod,
    Map<String, Object> parserConfig,
    Map<String, Object> metaFields,
    boolean enabled,
    ParseState parse,
    Instant createdAt,
    Instant updatedAt) {

  /** The largest metadata a document (or an ingested artifact) keeps, as UTF-8 JSON. */
  public static final int MAX_METADATA_BYTES = 64 * 1024;

  public DocumentEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(chunkMethod, "chunkMethod");
    Objects.requireNonNull(parse, "parse");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    parserConfig = Collections.unmodifiableMap(new LinkedHashMap<>(parserConfig));
    metaFields = Collections.unmodifiableMap(new LinkedHashMap<>(metaFields));
  }

  public DocumentEntry withParse(ParseState state, Instant at) {
    return new DocumentEntry(
        key,
        name,
        source,
        sizeBytes,
        chunkMethod,
        parserConfig,
        metaFields,
        enabled,
        state,
        createdAt,
        at);
  }

  /** The lowercase extension of the name, or "" when it has none. */
  public String suffix() {
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }
}
