package dev.lectern.application.port.in.answer;

import dev.lectern.domain.artifact.MetadataFilter;
import dev.lectern.domain.conversation.PassageText;
import dev.lectern.domain.flow.FlowAnswer;
import java.util.Objects;

/**
 * How one answer is put together: the model's reply with text before and after it, or a fixed text
 * with no model at all, and the documents its passages may come from. A dialect whose assistants
 * are defined step by step (a prompt of their own, a message template around the model's output)
 * sets it per question.
 *
 * @param systemPrompt the instructions for this answer instead of the assistant's own, or null
 * @param question the user's turn as the model sees it (the question put in a template), or null
 *     for the question itself
 * @param before text the answer starts with; the whole answer when the model is not asked
 * @param after text the answer ends with, after the model's reply
 * @param mode whether the model is asked
 * @param documents which documents the passages may come from, by their metadata
 * @param instructions the client's own instructions, after the system prompt; empty for none
 */
public record AnswerFrame(
    PassageText systemPrompt,
    PassageText question,
    PassageText before,
    PassageText after,
    Mode mode,
    MetadataFilter documents,
    String instructions) {

  /** Whether the model writes the answer, or the frame's text is the whole of it. */
  public enum Mode {
    MODEL,
    FIXED
  }

  /** The model's reply as it is, under the assistant's own prompt. */
  public static final AnswerFrame MODEL =
      new AnswerFrame(
          null, null, PassageText.EMPTY, PassageText.EMPTY, Mode.MODEL, MetadataFilter.NONE, "");

  public AnswerFrame {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(mode, "mode");
    documents = documents == null ? MetadataFilter.NONE : documents;
    instructions = instructions == null ? "" : instructions;
  }

  /** The frame of an answer to {@code systemPrompt} … {@code documents}, with no instructions. */
  public AnswerFrame(
      PassageText systemPrompt,
      PassageText question,
      PassageText before,
      PassageText after,
      Mode mode,
      MetadataFilter documents) {
    this(systemPrompt, question, before, after, mode, documents, "");
  }

  /** A fixed answer; the model is not asked. */
  public static AnswerFrame fixed(PassageText text) {
    return new AnswerFrame(null, null, text, PassageText.EMPTY, Mode.FIXED, MetadataFilter.NONE);
  }

  /** How a run of a flow answers, as a frame. */
  public static AnswerFrame of(FlowAnswer answer) {
    return answer.asksModel()
        ? new AnswerFrame(
            answer.instructions(),
            answer.question(),
            answer.before(),
            answer.after(),
            Mode.MODEL,
            MetadataFilter.NONE)
        : fixed(answer.before());
  }

  /** This frame with passages only from the documents {@code filter} admits. */
  public AnswerFrame withDocuments(MetadataFilter filter) {
    return new AnswerFrame(systemPrompt, question, before, after, mode, filter, instructions);
  }

  /** This frame with the client's own instructions after the system prompt. */
  public AnswerFrame withInstructions(String text) {
    return new AnswerFrame(systemPrompt, question, before, after, mode, documents, text);
  }

  public boolean asksModel() {
    return mode == Mode.MODEL;
  }
}
