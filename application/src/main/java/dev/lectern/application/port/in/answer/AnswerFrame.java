package dev.lectern.application.port.in.answer;

import dev.lectern.domain.artifact.MetadataFilter;
import dev.lectern.domain.assistant.Assistant;
import java.util.Objects;

/**
 * How one answer is put together: the model's reply with text before and after it, or a fixed text
 * with no model at all. A dialect whose assistants are defined step by step (a prompt of their own,
 * a message template around the model's output) sets it per question.
 *
 * @param systemPrompt the instructions for this answer instead of the assistant's own, or null;
 *     {@value Assistant#KNOWLEDGE} marks where the passages go
 * @param question the user's turn as the model sees it (the question put in a template), or null
 *     for the question itself
 * @param before text the answer starts with; the whole answer when the model is not asked, where
 *     {@value Assistant#KNOWLEDGE} stands for the retrieved passages
 * @param after text the answer ends with, after the model's reply
 * @param asksModel whether the model is asked
 * @param documents which documents the passages may come from, by their metadata
 */
public record AnswerFrame(
    String systemPrompt,
    String question,
    String before,
    String after,
    boolean asksModel,
    MetadataFilter documents) {
  /** The model's reply as it is, under the assistant's own prompt. */
  public static final AnswerFrame MODEL =
      new AnswerFrame(null, null, "", "", true, MetadataFilter.NONE);

  public AnswerFrame {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    documents = documents == null ? MetadataFilter.NONE : documents;
  }

  /** This frame with passages only from the documents {@code filter} admits. */
  public AnswerFrame withDocuments(MetadataFilter filter) {
    return new AnswerFrame(systemPrompt, question, before, after, asksModel, filter);
  }

  /** A fixed answer; the model is not asked. */
  public static AnswerFrame fixed(String text) {
    return new AnswerFrame(null, null, text, "", false, MetadataFilter.NONE);
  }

  /** Whether the passages are needed: the model sees them, or the fixed text shows them. */
  public boolean needsPassages() {
    return asksModel || before.contains(Assistant.KNOWLEDGE);
  }
}
