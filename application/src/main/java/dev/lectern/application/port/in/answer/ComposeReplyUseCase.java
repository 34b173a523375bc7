package dev.lectern.application.port.in.answer;

/**
 * Use case: reply to a conversation the client keeps, optionally grounded in a collection: retrieve
 * for the last question, give the passages to the model beside the client's system prompt, stream
 * the reply.
 */
public interface ComposeReplyUseCase {
  void compose(ComposeReplyCommand command, AnswerStream stream);
}
