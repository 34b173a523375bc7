package dev.lectern.adapters.llm.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Value: where an OpenAI-compatible server is and how long to wait for it.
 *
 * @param baseUrl the server, with or without its {@code /v1}
 * @param model the model asked for when a request names none
 * @param apiKey sent as a bearer token, or null
 * @param connectTimeout to open the connection
 * @param firstTokenTimeout from sending the request to the first piece of the answer
 * @param totalTimeout for the whole answer
 * @param attempts tries when the server is busy (429) or failing (5xx) before it answered at all
 * @param backoff the wait after the first failed try; it doubles after each
 */
public record OpenAiSettings(
    URI baseUrl,
    String model,
    String apiKey,
    Duration connectTimeout,
    Duration firstTokenTimeout,
    Duration totalTimeout,
    int attempts,
    Duration backoff) {

  public OpenAiSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
  }

  /** Usual waits: 10 s to connect, 60 s to the first token, 10 min in all, 3 tries from 0.5 s. */
  public static OpenAiSettings of(URI baseUrl, String model, String apiKey) {
    return new OpenAiSettings(
        baseUrl,
        model,
        apiKey,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Duration.ofMinutes(10),
        3,
        Duration.ofMillis(500));
  }

  /** The chat completions endpoint under the base URL. */
  URI chatCompletions() {
    String base = baseUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(
        base.endsWith("/v1") ? base + "/chat/completions" : base + "/v1/chat/completions");
  }
}
