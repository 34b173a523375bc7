package dev.lectern.application.port.in.answer;

/**
 * Use case: how many tokens a reply's prompt comes to for its model, before any retrieval: what the
 * client itself sends.
 */
public interface CountPromptTokensUseCase {
  int count(ComposeReplyCommand command);
}
