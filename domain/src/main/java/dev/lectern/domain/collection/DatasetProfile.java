package dev.lectern.domain.collection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Value: the catalogue settings of a collection, as RAGFlow shows a dataset.
 *
 * @param description free text, or null
 * @param avatar a {@code data:image/…;base64,…} URI, or null
 * @param embeddingModel {@code name@provider}; recorded, used once vectors are computed
 * @param permission {@code me} or {@code team}
 * @param chunkMethod how documents are split
 * @param parserConfig the chunk method's settings in their wire form (key order kept); empty for
 *     the method's defaults
 * @param pagerank a 0..100 boost recorded for the dataset
 */
public record DatasetProfile(
    String description,
    String avatar,
    String embeddingModel,
    String permission,
    ChunkMethod chunkMethod,
    Map<String, Object> parserConfig,
    int pagerank) {

  public static final String DEFAULT_EMBEDDING_MODEL = "BAAI/bge-large-zh-v1.5@BAAI";
  public static final DatasetProfile DEFAULT =
      new DatasetProfile(null, null, DEFAULT_EMBEDDING_MODEL, "me", ChunkMethod.NAIVE, Map.of(), 0);

  public DatasetProfile {
    Objects.requireNonNull(embeddingModel, "embeddingModel");
    Objects.requireNonNull(permission, "permission");
    Objects.requireNonNull(chunkMethod, "chunkMethod");
    parserConfig = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parserConfig));
  }

  /** The chunk size the parser config asks for, or {@code fallback} when it names none. */
  public int chunkTokens(int fallback) {
    return parserConfig.get("chunk_token_num") instanceof Number n && n.intValue() > 0
        ? n.intValue()
        : fallback;
  }
}
