package dev.lectern.application.port.in.artifact;

import dev.lectern.application.error.InvalidRequest;
import java.util.Objects;

/**
 * Input of {@link ReadChunkedContentUseCase}.
 *
 * @param maxTokens hard cap per chunk in cl100k_base tokens, 1-8192
 */
public record ReadChunkedContentCommand(ContextFilter filter, int maxTokens) {
  public static final int DEFAULT_MAX_TOKENS = 512;
  public static final int LIMIT = 8192;

  public ReadChunkedContentCommand {
    Objects.requireNonNull(filter, "filter");
    if (maxTokens < 1 || maxTokens > LIMIT) {
      throw new InvalidRequest("max_tokens must be between 1 and 8192", "max_tokens");
    }
  }
}
