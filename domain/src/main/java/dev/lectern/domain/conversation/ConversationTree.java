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
  /**
   * The most characters of earlier messages a turn reads: about 250 000 tokens, more than the
   * window of nearly every model, so that nothing such a model could see is left out, yet a turn of
   * a conversation grown large reads a bounded part of it.
   */
  public static final int MAX_HISTORY_CHARS = 1_000_000;

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

  /**
   * The branch that ends at {@code id}, oldest first: at most {@code window} messages and, the
   * newest counted first, at most {@code maxChars} of their text and passages (the message {@code
   * id} is always there).
   */
  public List<Message> branch(String id, int window, long maxChars) {
    return within(pathTo(id, window), maxChars);
  }

  /** The newest messages of a path, oldest first, whose sizes together stay within the budget. */
  public static List<Message> within(List<Message> path, long maxChars) {
    List<Long> newestFirst = new ArrayList<>();
    for (int i = path.size() - 1; i >= 0; i--) {
      newestFirst.add(size(path.get(i)));
    }
    return path.subList(path.size() - newestWithin(newestFirst, maxChars), path.size());
  }

  /**
   * How many of a branch's messages, the newest first, a budget of {@code maxChars} reads: as many
   * as fit, and the newest always.
   */
  public static int newestWithin(List<Long> sizesNewestFirst, long maxChars) {
    long used = 0;
    int kept = 0;
    for (long size : sizesNewestFirst) {
      used += size;
      if (used > maxChars && kept > 0) {
        break;
      }
      kept++;
    }
    return kept;
  }

  /** What a message weighs against a budget of characters: its text and its passages. */
  public static long size(Message message) {
    long size = message.content().length();
    for (Reference reference : message.references()) {
      size += reference.snippet() == null ? 0 : reference.snippet().length();
    }
    return size;
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
