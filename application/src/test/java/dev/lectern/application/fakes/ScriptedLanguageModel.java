package dev.lectern.application.fakes;

import dev.lectern.application.error.UpstreamFailure;
import dev.lectern.application.port.out.LanguageModel;
import dev.lectern.application.port.out.ModelDeltas;
import dev.lectern.application.port.out.ModelReply;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.conversation.FinishReason;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fake: a model that answers with a fixed text, word by word, and records what it was asked; it can
 * fail after a number of words.
 */
public final class ScriptedLanguageModel implements LanguageModel {
  public final List<ModelRequest> requests = new CopyOnWriteArrayList<>();
  private volatile String answer = "Scripted answer.";
  private volatile int failAfterWords = -1;

  public ScriptedLanguageModel answering(String text) {
    answer = text;
    return this;
  }

  /** Fails with an upstream failure once this many words went out (0: before any). */
  public ScriptedLanguageModel failingAfter(int words) {
    failAfterWords = words;
    return this;
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
