package dev.lectern.application.port.in.answer;

/**
 * Use case: an assistant's answer to a conversation the client keeps (OpenAI-compatible and bot
 * APIs): retrieve, ask the model, stream the answer; nothing is stored, so the answer's ids are
 * null.
 */
public interface AskAssistantUseCase {
  void ask(AskAssistantCommand command, AnswerStream stream);
}
