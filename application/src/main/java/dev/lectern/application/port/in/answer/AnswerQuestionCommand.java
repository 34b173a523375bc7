package dev.lectern.application.port.in.answer;

import java.util.Objects;

/**
 * Input of {@link AnswerQuestionUseCase}: a question to an assistant within one of its
 * conversations.
 *
 * @param parentMessageId the message the question follows; null for the conversation's last one
 * @param maxTokens a limit on the answer for this question only, or null for the assistant's own
 * @param temperature a sampling temperature for this question only, or null
 */
public record AnswerQuestionCommand(
    String orgId,
    String assistantId,
    String conversationId,
    String parentMessageId,
    String question,
    Integer maxTokens,
    Double temperature) {
  public AnswerQuestionCommand {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(assistantId, "assistantId");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(question, "question");
    if (question.isBlank()) {
      throw new IllegalArgumentException("question must not be blank");
    }
  }
}
