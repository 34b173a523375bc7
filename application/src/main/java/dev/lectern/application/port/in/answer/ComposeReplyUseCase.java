package dev.lectern.application.port.in.answer;

/**
 * Use case: reply to a conversation the client keeps, optionally grounded in a collection: retrieve
 * for the last question, give the passages to the model beside the client's system prompt, stream
 * the reply to the sink.
 */
public interface ComposeReplyUseCase {
  void compose(ComposeReplyCommand command, AnswerStream stream);

  /**
   * How many tokens the command's prompt comes to for its model, before any retrieval: what the
   * client itself sends.
   */
  int inputTokens(ComposeReplyCommand command);

  /**
   * Refuses the command as {@link #compose} would before asking the model: a model nobody
   * configured, a knowledge scope naming what does not exist, a prompt too long for the model.
   */
  void check(ComposeReplyCommand command);
}
