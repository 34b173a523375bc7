package dev.lectern.application.service.answer;

import dev.lectern.application.error.PayloadTooLarge;
import dev.lectern.application.port.out.LanguageModel;
import dev.lectern.application.port.out.ModelCatalog;
import dev.lectern.application.port.out.ModelInfo;
import dev.lectern.application.port.out.ModelMessage;
import dev.lectern.application.port.out.ModelRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Policy: a prompt and its reply fit the model's context window. A stored conversation loses its
 * oldest messages first; a conversation the client sends is refused, since the client chose it.
 */
final class PromptBudget {
  private final LanguageModel model;
  private final ModelCatalog catalog;

  PromptBudget(LanguageModel model, ModelCatalog catalog) {
    this.model = model;
    this.catalog = catalog;
  }

  /** The request with its oldest messages left out until it fits; the last one always stays. */
  ModelRequest fit(ModelRequest request) {
    int window = window(request);
    List<ModelMessage> messages = new ArrayList<>(request.messages());
    ModelRequest fitted = request;
    while (messages.size() > 1 && model.inputTokens(fitted) + replyRoom(fitted) > window) {
      messages.remove(0);
      fitted =
          new ModelRequest(
              request.model(),
              request.system(),
              messages,
              request.settings(),
              request.tools(),
              request.toolChoice(),
              request.grounding());
    }
    return check(fitted);
  }

  /** The request when it fits, else a refusal that says by how much it does not. */
  ModelRequest check(ModelRequest request) {
    int window = window(request);
    int prompt = model.inputTokens(request);
    int reply = replyRoom(request);
    if (prompt + reply > window) {
      throw new PayloadTooLarge(
          "messages: the prompt comes to "
              + prompt
              + " tokens"
              + (reply > 0 ? " and the reply may take " + reply : "")
              + ", more than the "
              + window
              + " the model's context holds",
          "messages");
    }
    return request;
  }

  private int window(ModelRequest request) {
    return catalog.find(request.model()).map(ModelInfo::contextTokens).orElse(Integer.MAX_VALUE);
  }

  private static int replyRoom(ModelRequest request) {
    Integer max = request.settings().maxTokens();
    return max == null ? 0 : max;
  }
}
