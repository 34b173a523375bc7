package dev.lectern.domain.assistant;

import java.util.Objects;

/**
 * Value: a language model the server is configured with.
 *
 * @param name what assistants and requests call it
 * @param upstreamModel the model the server behind it is asked for (the name for the built-in one)
 * @param builtIn whether it is the built-in extractive model
 * @param contextTokens how many tokens its prompt and reply may hold together
 * @param tools whether it can call tools
 */
public record ModelInfo(
    String name, String upstreamModel, boolean builtIn, int contextTokens, boolean tools) {
  public ModelInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(upstreamModel, "upstreamModel");
    if (contextTokens < 1) {
      throw new IllegalArgumentException("contextTokens must be positive");
    }
  }
}
