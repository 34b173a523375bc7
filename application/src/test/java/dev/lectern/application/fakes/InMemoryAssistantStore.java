package dev.lectern.application.fakes;

import dev.lectern.application.port.out.AssistantStore;
import dev.lectern.domain.assistant.Assistant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Fake: assistants in a map; deleting one deletes its conversations from the given store. */
public final class InMemoryAssistantStore implements AssistantStore {
  private final Map<String, Assistant> assistants = new LinkedHashMap<>();
  private final InMemoryConversationStore conversations;

  public InMemoryAssistantStore(InMemoryConversationStore conversations) {
    this.conversations = conversations;
  }

  public InMemoryAssistantStore() {
    this(new InMemoryConversationStore());
  }

  private static String key(String orgId, String id) {
    return orgId + "\u0000" + id;
  }

  private boolean nameTaken(Assistant assistant) {
    String name = assistant.name().toLowerCase(Locale.ROOT);
    return assistants.values().stream()
        .anyMatch(
            other ->
                other.orgId().equals(assistant.orgId())
                    && !other.id().equals(assistant.id())
                    && other.name().toLowerCase(Locale.ROOT).equals(name));
  }

  @Override
  public synchronized boolean insert(Assistant assistant) {
    if (nameTaken(assistant) || assistants.containsKey(key(assistant.orgId(), assistant.id()))) {
      return false;
    }
    assistants.put(key(assistant.orgId(), assistant.id()), assistant);
    return true;
  }

  @Override
  public synchronized boolean update(Assistant assistant) {
    if (nameTaken(assistant)) {
      return false;
    }
    assistants.replace(key(assistant.orgId(), assistant.id()), assistant);
    return true;
  }

  @Override
  public synchronized Outcome updateIfUnchanged(Assistant assistant, Instant seen) {
    Assistant current = assistants.get(key(assistant.orgId(), assistant.id()));
    if (current == null || !current.updatedAt().equals(seen)) {
      return Outcome.CHANGED;
    }
    return update(assistant) ? Outcome.UPDATED : Outcome.NAME_TAKEN;
  }

  @Override
  public synchronized Optional<Assistant> find(String orgId, String id) {
    return Optional.ofNullable(assistants.get(key(orgId, id)));
  }

  @Override
  public synchronized Optional<Assistant> findPublic(String id) {
    return assistants.values().stream()
        .filter(a -> a.id().equals(id) && a.access() == dev.lectern.domain.assistant.Access.PUBLIC)
        .min(java.util.Comparator.comparing(Assistant::orgId));
  }

  @Override
  public synchronized List<Assistant> list(String orgId) {
    List<Assistant> found = new ArrayList<>();
    assistants.values().stream().filter(a -> a.orgId().equals(orgId)).forEach(found::add);
    return found;
  }

  @Override
  public synchronized boolean delete(String orgId, String id) {
    conversations.list(orgId, id).forEach(c -> conversations.delete(orgId, c.id()));
    return assistants.remove(key(orgId, id)) != null;
  }
}
