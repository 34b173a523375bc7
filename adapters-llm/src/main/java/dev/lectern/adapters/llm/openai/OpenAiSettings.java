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
 * @param maxAnswerChars the longest answer read (its text and tool calls); past it, or past the
 *     request's {@code max_tokens} by more than a margin, reading stops and the answer ends as cut
 *     for length
 */
public record OpenAiSettings(
    URI baseUrl,
    String model,
    String apiKey,
    Duration connectTimeout,
    Duration firstTokenTimeout,
    Duration totalTimeout,
    int attempts,
    Duration backoff,
    int maxAnswerChars) {

  public OpenAiSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    if (maxAnswerChars < 1) {
      throw new IllegalArgumentException("maxAnswerChars must be positive");
    }
  }

  /** The longest answer read by default: more than most models write at once. */
  public static final int DEFAULT_MAX_ANSWER_CHARS = 262_144;

  /**
   * Usual waits: 10 s to connect, 60 s to the first token, 10 min in all, 3 tries from 0.5 s; the
   * default answer length.
   */
  public static OpenAiSettings of(URI baseUrl, String model, String apiKey) {
    return new OpenAiSettings(
        baseUrl,
        model,
        apiKey,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Duration.ofMinutes(10),
        3,
        Duration.ofMillis(500),
        DEFAULT_MAX_ANSWER_CHARS);
  }

  /** The same settings with another longest answer. */
  public OpenAiSettings withMaxAnswerChars(int chars) {
    return new OpenAiSettings(
        baseUrl,
        model,
        apiKey,
        connectTimeout,
        firstTokenTimeout,
        totalTimeout,
        attempts,
        backoff,
        chars);
  }

  /**
   * The longest line of a response: a whole answer of the longest length on one line, every
   * character escaped, with room for the rest of the JSON around it.
   */
  int maxLineBytes() {
    return (int) Math.min(Integer.MAX_VALUE - 64, 6L * maxAnswerChars + 64 * 1024);
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
