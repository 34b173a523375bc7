package dev.lectern.domain.artifact;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Value: one version of an artifact's content: what was ingested and what indexing produced.
 *
 * @param version monotonically increasing per artifact; chunks in the index carry it
 * @param contentHash hash of the original bytes (the Zylon {@code hash})
 * @param textHash hash of the extracted markdown text, stored as a blob
 * @param metadata caller metadata, in the caller's order, always holding {@code file_name}
 */
public record Revision(
    long version,
    ContentHash contentHash,
    ContentHash textHash,
    String fileName,
    long sizeBytes,
    Map<String, Object> metadata,
    int chunkCount,
    long tokenCount,
    Instant createdAt) {

  /** The longest file name a revision keeps. */
  public static final int MAX_FILE_NAME_LENGTH = 1024;

  public Revision {
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(textHash, "textHash");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** This revision with the counts indexing produced. */
  public Revision withChunkCounts(int chunks, long tokens) {
    return new Revision(
        version, contentHash, textHash, fileName, sizeBytes, metadata, chunks, tokens, createdAt);
  }

  /** This revision under another file name, its metadata's {@code file_name} included. */
  public Revision renamed(String newName) {
    Map<String, Object> renamed = new LinkedHashMap<>(metadata);
    renamed.put("file_name", newName);
    return new Revision(
        version,
        contentHash,
        textHash,
        newName,
        sizeBytes,
        renamed,
        chunkCount,
        tokenCount,
        createdAt);
  }
}
