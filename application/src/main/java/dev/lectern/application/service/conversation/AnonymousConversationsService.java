package dev.lectern.application.service.conversation;

import dev.lectern.application.port.in.conversation.AnonymousConversations;
import dev.lectern.application.port.in.conversation.AnonymousConversationsUseCase;
import dev.lectern.application.port.out.AssistantStore;
import dev.lectern.application.port.out.ConversationStore;

/** Service: what anonymous callers stored with an assistant, seen and removed. */
public final class AnonymousConversationsService implements AnonymousConversationsUseCase {
  private final AssistantStore assistants;
  private final ConversationStore conversations;
  private final AnonymousQuota quota;

  public AnonymousConversationsService(
      AssistantStore assistants, ConversationStore conversations, AnonymousQuota quota) {
    this.assistants = assistants;
    this.conversations = conversations;
    this.quota = quota;
  }

  @Override
  public AnonymousConversations usage(String orgId, String assistantId) {
    assistant(orgId, assistantId);
    ConversationStore.AnonymousUsage usage = conversations.anonymousUsage(orgId, assistantId);
    return new AnonymousConversations(
        usage.conversations(),
        usage.storedBytes(),
        quota.limits().conversations(),
        quota.limits().storedBytes());
  }

  @Override
  public int purge(String orgId, String assistantId) {
    assistant(orgId, assistantId);
    return conversations.pruneAnonymous(orgId, assistantId, 0, 0, null);
  }

  private void assistant(String orgId, String assistantId) {
    if (assistants.find(orgId, assistantId).isEmpty()) {
      throw ManageConversationsService.noAssistant(assistantId);
    }
  }
}
