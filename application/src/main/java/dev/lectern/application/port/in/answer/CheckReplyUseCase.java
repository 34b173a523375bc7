package dev.lectern.application.port.in.answer;

/**
 * Use case: refuses a reply's command as composing it would, before any model is asked: a model
 * nobody configured, a knowledge scope naming what does not exist, a prompt too long for the model.
 */
public interface CheckReplyUseCase {
  void check(ComposeReplyCommand command);
}
