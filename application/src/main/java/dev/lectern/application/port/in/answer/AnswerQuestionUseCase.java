package dev.lectern.application.port.in.answer;

/**
 * Use case: answer a question as an assistant: retrieve from its collections, ask its model with
 * the conversation so far, stream the answer and store question and answer together.
 */
public interface AnswerQuestionUseCase {
  void answer(AnswerQuestionCommand command, AnswerStream stream);
}
