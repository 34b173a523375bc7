package dev.lectern.adapters.http.ragflow;

import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.assistant.ManageAssistantsUseCase;
import dev.lectern.application.port.in.conversation.ManageConversationsUseCase;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.conversation.Conversation;
import java.util.Optional;

/** A chat or a session looked up for a RAGFlow check, which words its own "not found". */
final class RagflowLookups {
  private RagflowLookups() {}

  static Optional<Assistant> chat(ManageAssistantsUseCase assistants, String org, String id) {
    try {
      return Optional.of(assistants.find(org, id));
    } catch (NotFound none) {
      return Optional.empty();
    }
  }

  /** The chat's session; empty when there is no such chat or the session is another's. */
  static Optional<Conversation> session(
      ManageConversationsUseCase conversations, String org, String chat, String id) {
    try {
      return Optional.of(conversations.find(org, chat, id));
    } catch (NotFound none) {
      return Optional.empty();
    }
  }
}
