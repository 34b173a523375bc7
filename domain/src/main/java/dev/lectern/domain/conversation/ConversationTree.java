package dev.lectern.domain.conversation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Policy: a conversation's messages as a tree. The history of a new turn is the path from the first
 * message to the one it follows, so that another branch never leaks into it, cut to the most recent
 * messages of the assistant's window.
 */
public final class ConversationTree {
  private final Map<String, Message> byId = new HashMap<>();
  private final List<Message> inOrder;

  /** The messages of one conversation, in the order they were stored. */
  public ConversationTree(List<Message> messages) {
    inOrder = List.copyOf(messages);
    for (Message message : inOrder) {
      byId.put(message.id(), message);
    }
  }

  public Optional<Message> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The most recently stored message, which a turn follows when it names none. */
  public Optional<Message> last() {
    return inOrder.isEmpty() ? Optional.empty() : Optional.of(inOrder.get(inOrder.size() - 1));
  }

  /**
   * The path from the first message to {@code id}, both included, oldest first; only its last
   * {@code window} messages (all when the path is shorter).
   *
   * @throws IllegalArgumentException when the conversation holds no such message
   */
  public List<Message> pathTo(String id, int window) {
    if (id == null) {
      return List.of();
    }
    List<Message> path = new ArrayList<>();
    Message at = byId.get(id);
    if (at == null) {
      throw new IllegalArgumentException("no message " + id + " in this conversation");
    }
    // A broken store could hold a cycle; a path is never longer than the conversation.
    while (at != null && path.size() <= inOrder.size()) {
      path.add(at);
      at = at.parentId() == null ? null : byId.get(at.parentId());
    }
    Collections.reverse(path);
    return path.size() <= window ? path : path.subList(path.size() - window, path.size());
  }

  /** The messages that follow {@code id} directly, in the order they were stored. */
  public List<Message> childrenOf(String id) {
    List<Message> children = new ArrayList<>();
    for (Message message : inOrder) {
      if (id == null ? message.parentId() == null : id.equals(message.parentId())) {
        children.add(message);
      }
    }
    return children;
  }

  public List<Message> messages() {
    return inOrder;
  }
}
