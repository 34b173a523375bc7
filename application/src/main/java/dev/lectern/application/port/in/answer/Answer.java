package dev.lectern.application.port.in.answer;

import dev.lectern.domain.conversation.FinishReason;
import dev.lectern.domain.conversation.Reference;
import java.util.List;

/**
 * An assistant's answer to one question.
 *
 * @param conversationId the conversation it was stored in
 * @param questionId the stored question's message id
 * @param answerId the stored answer's message id
 * @param references the retrieved chunks the answer was given, in the order its {@code [n]}
 *     citations count them
 */
public record Answer(
    String conversationId,
    String questionId,
    String answerId,
    String text,
    List<Reference> references,
    FinishReason finishReason,
    int inputTokens,
    int outputTokens) {
  public Answer {
    references = List.copyOf(references);
  }
}
