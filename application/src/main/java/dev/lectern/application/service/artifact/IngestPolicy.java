package dev.lectern.application.service.artifact;

import dev.lectern.domain.collection.Language;

/**
 * Settings of ingestion.
 *
 * @param maxInputBytes largest accepted document, decoded (Zylon answers 413 above it)
 * @param defaultLanguage language of collections created implicitly
 */
public record IngestPolicy(long maxInputBytes, Language defaultLanguage) {
  public static final long DEFAULT_MAX_INPUT_BYTES = 50L * 1024 * 1024;

  public static IngestPolicy defaults() {
    return new IngestPolicy(DEFAULT_MAX_INPUT_BYTES, Language.ENGLISH);
  }
}
