package dev.lectern.application.service.artifact;

import dev.lectern.domain.collection.Language;
import java.time.Duration;

/**
 * Settings of ingestion.
 *
 * @param maxInputBytes largest accepted document, decoded (Zylon answers 413 above it)
 * @param defaultLanguage language of collections created implicitly
 * @param processingLimit how long parsing and chunking one document may take together
 */
public record IngestPolicy(long maxInputBytes, Language defaultLanguage, Duration processingLimit) {
  public static final long DEFAULT_MAX_INPUT_BYTES = 50L * 1024 * 1024;
  public static final Duration DEFAULT_PROCESSING_LIMIT = Duration.ofSeconds(120);

  public IngestPolicy(long maxInputBytes, Language defaultLanguage) {
    this(maxInputBytes, defaultLanguage, DEFAULT_PROCESSING_LIMIT);
  }

  public static IngestPolicy defaults() {
    return new IngestPolicy(DEFAULT_MAX_INPUT_BYTES, Language.ENGLISH);
  }
}
