package dev.lectern.domain.assistant;

/**
 * Value: how an assistant retrieves before it answers.
 *
 * @param topN how many chunks go into the prompt
 * @param topK how many candidates retrieval considers
 * @param similarityThreshold chunks scoring below it are left out (0–1)
 * @param keywordWeight the weight of keyword against vector similarity once vectors exist (0–1)
 */
public record RetrievalChoice(
    int topN, int topK, double similarityThreshold, double keywordWeight) {
  /** RAGFlow's chat defaults. */
  public static final RetrievalChoice DEFAULTS = new RetrievalChoice(6, 1024, 0.2, 0.7);

  public RetrievalChoice {
    if (topN < 1 || topK < 1) {
      throw new IllegalArgumentException("topN and topK must be positive");
    }
    if (similarityThreshold < 0
        || similarityThreshold > 1
        || keywordWeight < 0
        || keywordWeight > 1) {
      throw new IllegalArgumentException("similarityThreshold and keywordWeight lie in 0–1");
    }
  }
}
