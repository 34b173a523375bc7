package dev.lectern.application.port.in.conversation;

/**
 * Use case: an administrator sees what the anonymous callers of a public assistant have stored, and
 * removes it.
 */
public interface AnonymousConversationsUseCase {
  AnonymousConversations usage(String orgId, String assistantId);

  /** Removes every anonymous conversation of the assistant; returns how many there were. */
  int purge(String orgId, String assistantId);
}
