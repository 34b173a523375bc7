package dev.lectern.application.service.answer;

import dev.lectern.application.error.PayloadTooLarge;
import dev.lectern.application.port.out.LanguageModel;
import dev.lectern.application.port.out.ModelCatalog;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.conversation.History;
import dev.lectern.domain.conversation.ModelMessage;
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

  /**
   * The request with its oldest messages left out until it fits, the last one always kept; a
   * history that had to be cut starts again with a user message, as strict chat templates require.
   */
  ModelRequest fit(ModelRequest request) {
    long window = window(request);
    List<ModelMessage> messages = request.messages();
    ModelRequest fitted = request;
    while (messages.size() > 1 && prompt(fitted, window) + replyRoom(fitted) > window) {
      List<ModelMessage> rest =
          History.fromFirstQuestion(messages.subList(1, messages.size()), ModelMessage::role);
      messages = rest.isEmpty() ? List.of(messages.getLast()) : rest;
      fitted = request.withMessages(messages);
    }
    return check(fitted);
  }

  /** The request when it fits, else a refusal that says by how much it does not. */
  ModelRequest check(ModelRequest request) {
    long window = window(request);
    long reply = replyRoom(request);
    if (reply >= window) {
      throw new PayloadTooLarge(
          "max_tokens: "
              + reply
              + " is more than the "
              + window
              + " tokens the model's context holds",
          "max_tokens");
    }
    long room = window - reply;
    long prompt = prompt(request, room);
    if (prompt > room) {
      throw new PayloadTooLarge(
          "messages: the prompt comes to at least "
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

  /**
   * How many tokens of passages fit beside the request's prompt and reply: never more than {@code
   * most}, none when the prompt alone fills the window.
   */
  int roomForPassages(ModelRequest request, int most) {
    long room = window(request) - replyRoom(request);
    long left = room - prompt(request, room);
    return (int) Math.max(0, Math.min(most, left - PASSAGE_MARGIN));
  }

  /**
   * The prompt's tokens when they are at most {@code room} (counted no further than that takes: a
   * prompt far past the window is not counted whole), else a number above {@code room}.
   */
  private long prompt(ModelRequest request, long room) {
    int bound = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(0, room));
    int counted = model.inputTokens(request, bound);
    return counted > bound ? Math.max(counted, bound + 1L) : counted;
  }

  /** Tokens kept free for the words that introduce the passages and their numbers. */
  private static final int PASSAGE_MARGIN = 64;

  private long window(ModelRequest request) {
    return catalog
        .find(request.model())
        .map(info -> (long) info.contextTokens())
        .orElse((long) Integer.MAX_VALUE);
  }

  private static long replyRoom(ModelRequest request) {
    Integer max = request.settings().maxTokens();
    return max == null ? 0 : max;
  }
}
