package dev.lectern.domain.flow;

import dev.lectern.domain.conversation.PassageText;
import java.util.Objects;

/**
 * Value: how a run of a flow answers one question: the model's reply between a text before and
 * after it, or a fixed text when the model is not asked. Places for the passages are kept as such.
 *
 * @param instructions the model's system prompt, null when the model is not asked
 * @param question the user's turn as the model sees it, or null for the question itself
 * @param before the text the answer starts with; the whole answer when the model is not asked
 * @param after the text the answer ends with
 * @param asksModel whether the model writes the answer
 */
public record FlowAnswer(
    PassageText instructions,
    PassageText question,
    PassageText before,
    PassageText after,
    boolean asksModel) {
  public FlowAnswer {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  static FlowAnswer fixed(PassageText text) {
    return new FlowAnswer(null, null, text, PassageText.EMPTY, false);
  }
}
