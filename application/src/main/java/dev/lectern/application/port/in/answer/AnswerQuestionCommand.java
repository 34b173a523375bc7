package dev.lectern.application.port.in.answer;

import java.util.Objects;

/**
 * Input of {@link AnswerQuestionUseCase}: a question to an assistant within one of its
 * conversations.
 *
 * @param parentMessageId the message the question follows; null for the conversation's last one
 * @param maxTokens a limit on the answer for this question only, or null for the assistant's own
 * @param temperature a sampling temperature for this question only, or null
 * @param frame how the answer is put together; null for the model's reply as it is
 */
public record AnswerQuestionCommand(
    String orgId,
    String assistantId,
    String conversationId,
    String parentMessageId,
    String question,
    Integer maxTokens,
    Double temperature,
    AnswerFrame frame) {
  public AnswerQuestionCommand {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(assistantId, "assistantId");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(question, "question");
    if (question.isBlank()) {
      throw new IllegalArgumentException("question must not be blank");
    }
    frame = frame == null ? AnswerFrame.MODEL : frame;
  }

  /** A question answered by the model's reply as it is. */
  public AnswerQuestionCommand(
      String orgId,
      String assistantId,
      String conversationId,
      String parentMessageId,
      String question,
      Integer maxTokens,
      Double temperature) {
    this(
        orgId,
        assistantId,
        conversationId,
        parentMessageId,
        question,
        maxTokens,
        temperature,
        AnswerFrame.MODEL);
  }
}
