package dev.lectern.application.fakes;

import dev.lectern.application.port.out.ConversationStore;
import dev.lectern.domain.conversation.Conversation;
import dev.lectern.domain.conversation.ConversationTree;
import dev.lectern.domain.conversation.Message;
import dev.lectern.domain.conversation.Role;
import dev.lectern.domain.text.Utf8;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fake: conversations and their messages in maps; a message weighs its text and passages. */
public final class InMemoryConversationStore implements ConversationStore {
  private final Map<String, Conversation> conversations = new LinkedHashMap<>();
  private final Map<String, List<Message>> messages = new LinkedHashMap<>();

  private static String key(String orgId, String id) {
    return orgId + "\u0000" + id;
  }

  private static long bytes(List<Message> messages) {
    long total = 0;
    for (Message message : messages) {
      total += Utf8.length(message.content());
      for (var reference : message.references()) {
        total += Utf8.length(String.valueOf(reference.snippet()));
      }
    }
    return total;
  }

  private static Conversation with(Conversation c, String name, Instant at, long storedBytes) {
    return new Conversation(
        c.orgId(),
        c.id(),
        c.assistantId(),
        name,
        c.userId(),
        c.createdAt(),
        at,
        c.anonymous(),
        storedBytes);
  }

  @Override
  public synchronized void create(Conversation conversation, List<Message> first) {
    String key = key(conversation.orgId(), conversation.id());
    conversations.put(
        key, with(conversation, conversation.name(), conversation.updatedAt(), bytes(first)));
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
    conversations.put(key(orgId, id), with(found, name, at, found.storedBytes()));
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
        with(found, found.name(), at, found.storedBytes() + bytes(turn)));
    return true;
  }

  @Override
  public synchronized Optional<Message> message(
      String orgId, String conversationId, String messageId) {
    return messages(orgId, conversationId).stream()
        .filter(m -> m.id().equals(messageId))
        .findFirst();
  }

  @Override
  public synchronized int count(String orgId, String conversationId, Role role) {
    return (int) messages(orgId, conversationId).stream().filter(m -> m.role() == role).count();
  }

  @Override
  public synchronized Optional<String> lastMessageId(String orgId, String conversationId) {
    List<Message> all = messages(orgId, conversationId);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast().id());
  }

  @Override
  public synchronized Optional<String> firstAnswerTo(
      String orgId, String conversationId, String messageId) {
    return messages(orgId, conversationId).stream()
        .filter(m -> messageId.equals(m.parentId()) && m.role() == Role.ASSISTANT)
        .map(Message::id)
        .findFirst();
  }

  @Override
  public synchronized List<Message> branch(
      String orgId, String conversationId, String messageId, int window, long maxChars) {
    ConversationTree tree = new ConversationTree(messages(orgId, conversationId));
    if (tree.find(messageId).isEmpty() || window < 1) {
      return List.of();
    }
    return List.copyOf(tree.branch(messageId, window, maxChars));
  }

  @Override
  public synchronized AnonymousUsage anonymousUsage(String orgId, String assistantId) {
    List<Conversation> anonymous = anonymous(orgId, assistantId);
    return new AnonymousUsage(
        anonymous.size(), anonymous.stream().mapToLong(Conversation::storedBytes).sum());
  }

  @Override
  public synchronized int pruneAnonymous(
      String orgId, String assistantId, int keep, long storedBytes, String keepId) {
    List<Conversation> newestFirst = new ArrayList<>(anonymous(orgId, assistantId));
    newestFirst.sort(
        Comparator.comparing(Conversation::updatedAt).thenComparing(Conversation::id).reversed());
    int removed = 0;
    long kept = 0;
    for (int i = 0; i < newestFirst.size(); i++) {
      Conversation c = newestFirst.get(i);
      kept += c.storedBytes();
      if ((i >= keep || kept > storedBytes) && !c.id().equals(keepId)) {
        delete(orgId, c.id());
        removed++;
      }
    }
    return removed;
  }

  private List<Conversation> anonymous(String orgId, String assistantId) {
    return list(orgId, assistantId).stream().filter(Conversation::anonymous).toList();
  }
}
