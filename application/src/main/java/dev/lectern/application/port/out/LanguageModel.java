package dev.lectern.application.port.out;

/**
 * Port: a language model that writes the next message of a conversation, whole or as it is
 * produced.
 *
 * <p>Failures of the model's server are {@link dev.lectern.application.error.UpstreamFailure}s
 * whose messages are fit for clients (no address, no key); a request the model cannot take (a
 * context too long for it) is an {@link dev.lectern.application.error.InvalidRequest}.
 */
public interface LanguageModel {
  /** The whole reply. */
  ModelReply complete(ModelRequest request);

  /**
   * The reply as it is written: each piece of text goes to {@code deltas} as soon as it arrives,
   * and the whole reply is returned at the end. When {@link ModelDeltas#cancelled()} turns true the
   * model stops (the upstream request is cancelled) and the reply so far is returned with finish
   * reason {@code CANCELLED}. A failure after the first piece is thrown like any other.
   */
  ModelReply stream(ModelRequest request, ModelDeltas deltas);

  /** How many tokens a text comes to for this model: the one unit prompt budgets are kept in. */
  int tokens(String text);

  /** How many tokens the request's prompt (system prompt, messages and tools) comes to. */
  int inputTokens(ModelRequest request);

  /**
   * How many tokens the prompt comes to when that is at most {@code atMost}; otherwise any number
   * above {@code atMost}, counted no further than needed to know it (a prompt far too long for a
   * window is refused without counting all of it).
   */
  default int inputTokens(ModelRequest request, int atMost) {
    return inputTokens(request);
  }
}
