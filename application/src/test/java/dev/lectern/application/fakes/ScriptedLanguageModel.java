package dev.lectern.application.fakes;

import dev.lectern.application.error.UpstreamFailure;
import dev.lectern.application.port.out.LanguageModel;
import dev.lectern.application.port.out.ModelCatalog;
import dev.lectern.application.port.out.ModelDeltas;
import dev.lectern.application.port.out.ModelReply;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.assistant.ModelInfo;
import dev.lectern.domain.conversation.FinishReason;
import dev.lectern.domain.conversation.ModelMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fake: a model that answers with a fixed text, word by word, and records what it was asked; it can
 * fail after a number of words.
 */
public final class ScriptedLanguageModel implements LanguageModel, ModelCatalog {
  public final List<ModelRequest> requests = new CopyOnWriteArrayList<>();
  private volatile String answer = "Scripted answer.";
  private volatile int failAfterWords = -1;
  private volatile boolean failsAsABug;
  private volatile int contextTokens = 1_000_000;
  private volatile String name = "scripted";

  public ScriptedLanguageModel answering(String text) {
    answer = text;
    return this;
  }

  /** Fails with an upstream failure once this many words went out (0: before any). */
  public ScriptedLanguageModel failingAfter(int words) {
    failAfterWords = words;
    return this;
  }

  /**
   * Fails with an unexpected exception, not one of the error family (as a bug would), once this
   * many words went out.
   */
  public ScriptedLanguageModel breakingAfter(int words) {
    failAfterWords = words;
    failsAsABug = true;
    return this;
  }

  /** The one model's name in the catalog. */
  public ScriptedLanguageModel named(String configured) {
    name = configured;
    return this;
  }

  /** A context window this small, so that prompts must be cut to fit it. */
  public ScriptedLanguageModel withContext(int tokens) {
    contextTokens = tokens;
    return this;
  }

  @Override
  public List<ModelInfo> models() {
    return List.of(new ModelInfo(name, name, false, contextTokens, true));
  }

  /** One token per word of the system prompt and of each message. */
  @Override
  public int inputTokens(ModelRequest request) {
    int tokens = request.system() == null ? 0 : words(request.system());
    for (ModelMessage message : request.messages()) {
      tokens += words(message.text());
    }
    return tokens;
  }

  @Override
  public int tokens(String text) {
    return words(text);
  }

  private static int words(String text) {
    return text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }

  @Override
  public ModelReply complete(ModelRequest request) {
    return stream(request, delta -> {});
  }

  @Override
  public ModelReply stream(ModelRequest request, ModelDeltas deltas) {
    requests.add(request);
    String[] words = answer.split(" ");
    StringBuilder written = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      if (i == failAfterWords && failsAsABug) {
        throw new IllegalStateException("a bug in the model adapter");
      }
      if (i == failAfterWords) {
        throw new UpstreamFailure("the language model failed (HTTP 500)");
      }
      if (deltas.cancelled()) {
        return new ModelReply(
            written.toString(),
            List.of(),
            FinishReason.CANCELLED,
            new ModelReply.TokenUsage(10, i));
      }
      String delta = i + 1 < words.length ? words[i] + " " : words[i];
      written.append(delta);
      deltas.text(delta);
    }
    return new ModelReply(
        written.toString(),
        List.of(),
        FinishReason.STOP,
        new ModelReply.TokenUsage(10, words.length));
  }
}
