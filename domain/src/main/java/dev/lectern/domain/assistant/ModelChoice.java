package dev.lectern.domain.assistant;

/**
 * Value: which language model an assistant asks and how it samples.
 *
 * @param model a configured model's name; null for the server's default model
 */
public record ModelChoice(
    String model,
    double temperature,
    double topP,
    double presencePenalty,
    double frequencyPenalty,
    int maxTokens) {
  /** RAGFlow's chat defaults. */
  public static final ModelChoice DEFAULTS = new ModelChoice(null, 0.1, 0.3, 0.4, 0.7, 512);

  public ModelChoice {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be positive");
    }
  }
}
