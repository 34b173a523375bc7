package dev.lectern.application.fakes;

import dev.lectern.application.port.out.ConversationStore;
import dev.lectern.domain.conversation.Conversation;
import dev.lectern.domain.conversation.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fake: conversations and their messages in maps. */
public final class InMemoryConversationStore implements ConversationStore {
  private final Map<String, Conversation> conversations = new LinkedHashMap<>();
  private final Map<String, List<Message>> messages = new LinkedHashMap<>();

  private static String key(String orgId, String id) {
    return orgId + "\u0000" + id;
  }

  @Override
  public synchronized void create(Conversation conversation, List<Message> first) {
    String key = key(conversation.orgId(), conversation.id());
    conversations.put(key, conversation);
    messages.put(key, new ArrayList<>(first));
  }

  @Override
  public synchronized Optional<Conversation> find(String orgId, String id) {
    return Optional.ofNullable(conversations.get(key(orgId, id)));
  }

  @Override
  public synchronized List<Conversation> list(String orgId, String assistantId) {
    return conversations.values().stream()
        .filter(c -> c.orgId().equals(orgId) && c.assistantId().equals(assistantId))
        .toList();
  }

  @Override
  public synchronized boolean rename(String orgId, String id, String name, Instant at) {
    Conversation found = conversations.get(key(orgId, id));
    if (found == null) {
      return false;
    }
    conversations.put(
        key(orgId, id),
        new Conversation(
            orgId, id, found.assistantId(), name, found.userId(), found.createdAt(), at));
    return true;
  }

  @Override
  public synchronized boolean delete(String orgId, String id) {
    messages.remove(key(orgId, id));
    return conversations.remove(key(orgId, id)) != null;
  }

  @Override
  public synchronized Optional<String> conversationOf(String orgId, String messageId) {
    return conversations.values().stream()
        .filter(c -> c.orgId().equals(orgId))
        .filter(
            c ->
                messages.getOrDefault(key(orgId, c.id()), List.of()).stream()
                    .anyMatch(m -> m.id().equals(messageId)))
        .map(Conversation::id)
        .findFirst();
  }

  @Override
  public synchronized List<Message> messages(String orgId, String conversationId) {
    return List.copyOf(messages.getOrDefault(key(orgId, conversationId), List.of()));
  }

  @Override
  public synchronized boolean appendTurn(
      String orgId, String conversationId, List<Message> turn, Instant at) {
    Conversation found = conversations.get(key(orgId, conversationId));
    if (found == null) {
      return false;
    }
    messages.get(key(orgId, conversationId)).addAll(turn);
    conversations.put(
        key(orgId, conversationId),
        new Conversation(
            orgId,
            conversationId,
            found.assistantId(),
            found.name(),
            found.userId(),
            found.createdAt(),
            at));
    return true;
  }
}
