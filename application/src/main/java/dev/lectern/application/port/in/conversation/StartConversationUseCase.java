package dev.lectern.application.port.in.conversation;

/** Use case: a new conversation with an assistant, opened by the assistant's opener. */
public interface StartConversationUseCase {
  StartedConversation start(StartConversationCommand command);
}
