package dev.lectern.application.port.in.answer;

import dev.lectern.domain.conversation.FinishReason;
import dev.lectern.domain.conversation.Reference;
import dev.lectern.domain.conversation.ToolCall;
import java.util.List;

/**
 * An answer to one question: an assistant's, or a model's reply to a conversation the client keeps.
 *
 * @param conversationId the conversation it was stored in
 * @param questionId the stored question's message id
 * @param answerId the stored answer's message id
 * @param references the retrieved chunks the answer was given, in the order its {@code [n]}
 *     citations count them
 * @param toolCalls the client's tools the model asked for (a reply to a conversation the client
 *     keeps may ask for them)
 */
public record Answer(
    String conversationId,
    String questionId,
    String answerId,
    String text,
    List<Reference> references,
    FinishReason finishReason,
    int inputTokens,
    int outputTokens,
    List<ToolCall> toolCalls) {
  public Answer {
    references = List.copyOf(references);
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }
}
