package dev.lectern.application.service.conversation;

import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.conversation.ManageConversationsUseCase;
import dev.lectern.application.port.out.AssistantStore;
import dev.lectern.application.port.out.ConversationStore;
import dev.lectern.domain.conversation.Conversation;
import dev.lectern.domain.conversation.Message;
import dev.lectern.domain.conversation.Role;
import dev.lectern.domain.text.TextLimits;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Service: an assistant's conversations, each reached only through its own assistant. */
public final class ManageConversationsService implements ManageConversationsUseCase {
  private final AssistantStore assistants;
  private final ConversationStore conversations;
  private final Clock clock;

  public ManageConversationsService(
      AssistantStore assistants, ConversationStore conversations, Clock clock) {
    this.assistants = assistants;
    this.conversations = conversations;
    this.clock = clock;
  }

  @Override
  public List<Conversation> list(String orgId, String assistantId) {
    assistant(orgId, assistantId);
    return conversations.list(orgId, assistantId);
  }

  @Override
  public Conversation find(String orgId, String assistantId, String conversationId) {
    assistant(orgId, assistantId);
    return conversations
        .find(orgId, conversationId)
        .filter(conversation -> conversation.assistantId().equals(assistantId))
        .orElseThrow(() -> noConversation(conversationId));
  }

  @Override
  public Optional<Conversation> holding(String orgId, String assistantId, String messageId) {
    assistant(orgId, assistantId);
    return conversations
        .conversationOf(orgId, messageId)
        .flatMap(id -> conversations.find(orgId, id))
        .filter(conversation -> conversation.assistantId().equals(assistantId));
  }

  @Override
  public String answerFor(
      String orgId, String assistantId, String conversationId, String messageId) {
    find(orgId, assistantId, conversationId);
    boolean question =
        conversations
            .message(orgId, conversationId, messageId)
            .map(message -> message.role() == Role.USER)
            .orElse(false);
    if (!question) {
      return messageId;
    }
    return conversations.firstAnswerTo(orgId, conversationId, messageId).orElse(messageId);
  }

  @Override
  public int questions(String orgId, String assistantId, String conversationId) {
    find(orgId, assistantId, conversationId);
    return conversations.count(orgId, conversationId, Role.USER);
  }

  @Override
  public List<Message> messages(String orgId, String assistantId, String conversationId) {
    find(orgId, assistantId, conversationId);
    return conversations.messages(orgId, conversationId);
  }

  @Override
  public Conversation rename(String orgId, String assistantId, String conversationId, String name) {
    find(orgId, assistantId, conversationId);
    String checked = StartConversationService.name(name);
    if (!conversations.rename(
        orgId, conversationId, checked, clock.instant().truncatedTo(ChronoUnit.MICROS))) {
      throw noConversation(conversationId);
    }
    return find(orgId, assistantId, conversationId);
  }

  @Override
  public void delete(String orgId, String assistantId, String conversationId) {
    find(orgId, assistantId, conversationId);
    if (!conversations.delete(orgId, conversationId)) {
      throw noConversation(conversationId);
    }
  }

  private void assistant(String orgId, String assistantId) {
    if (assistants.find(orgId, assistantId).isEmpty()) {
      throw noAssistant(assistantId);
    }
  }

  static NotFound noAssistant(String id) {
    return NotFound.of("assistant '" + cut(id) + "' not found", "assistant", id);
  }

  static NotFound noConversation(String id) {
    return NotFound.of("conversation '" + cut(id) + "' not found", "conversation", id);
  }

  private static String cut(String id) {
    return TextLimits.cut(id == null ? "" : id, 100);
  }
}
