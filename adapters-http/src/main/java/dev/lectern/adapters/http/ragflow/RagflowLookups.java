package dev.lectern.adapters.http.ragflow;

import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.assistant.AssistantChecksUseCase;
import dev.lectern.application.port.in.assistant.ManageAssistantsUseCase;
import dev.lectern.application.port.in.conversation.ManageConversationsUseCase;
import dev.lectern.application.port.in.dataset.DatasetView;
import dev.lectern.application.port.in.dataset.ListDatasetsUseCase;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.conversation.Conversation;
import java.util.Optional;

/** A chat or a session looked up for a RAGFlow check, which words its own "not found". */
final class RagflowLookups {
  private RagflowLookups() {}

  /** The org's chat: an assistant that is not an agent. */
  static Optional<Assistant> chat(ManageAssistantsUseCase assistants, String org, String id) {
    return assistant(assistants, org, id).filter(a -> !RagflowAgentRequests.isAgent(a));
  }

  /** The org's agent: an assistant defined by a DSL. */
  static Optional<Assistant> agent(ManageAssistantsUseCase assistants, String org, String id) {
    return assistant(assistants, org, id).filter(RagflowAgentRequests::isAgent);
  }

  private static Optional<Assistant> assistant(
      ManageAssistantsUseCase assistants, String org, String id) {
    try {
      return Optional.of(assistants.find(org, id));
    } catch (NotFound none) {
      return Optional.empty();
    }
  }

  /** What a chat's or an agent's checks look up in the org: datasets, models, names in use. */
  static RagflowChatRequests.Lookup checks(
      AssistantChecksUseCase checks, ListDatasetsUseCase datasets, String org) {
    return new RagflowChatRequests.Lookup() {
      @Override
      public Optional<DatasetView> dataset(String id) {
        return !id.isEmpty() && id.length() <= CollectionId.MAX_LENGTH
            ? datasets.find(org, new CollectionId(id))
            : Optional.empty();
      }

      @Override
      public boolean modelExists(String name) {
        return checks.modelExists(name);
      }

      @Override
      public boolean nameTaken(String name, String except) {
        return checks.nameTaken(org, name, except);
      }
    };
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
