package dev.lectern.application.port.out;

import dev.lectern.domain.conversation.Conversation;
import dev.lectern.domain.conversation.Message;
import dev.lectern.domain.conversation.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: conversations and their messages. */
public interface ConversationStore {
  /** Stores a new conversation with its first messages (an opener, or none) in one step. */
  void create(Conversation conversation, List<Message> first);

  Optional<Conversation> find(String orgId, String id);

  /** An assistant's conversations, oldest first. */
  List<Conversation> list(String orgId, String assistantId);

  /** Renames a conversation; false when there is none. */
  boolean rename(String orgId, String id, String name, Instant at);

  /** Removes a conversation with its messages; false when there was none. */
  boolean delete(String orgId, String id);

  /** The id of the conversation of the organization's that holds this message, if any. */
  Optional<String> conversationOf(String orgId, String messageId);

  /** A conversation's messages in the order they were stored. */
  List<Message> messages(String orgId, String conversationId);

  /**
   * Stores a turn's messages (a question and its answer, whole or cut) in one step, so that a
   * question is never stored without its outcome; false when the conversation is gone.
   */
  boolean appendTurn(String orgId, String conversationId, List<Message> turn, Instant at);

  /** A message of the conversation. */
  Optional<Message> message(String orgId, String conversationId, String messageId);

  /** How many of the conversation's messages have this role. */
  int count(String orgId, String conversationId, Role role);

  /** The id of the conversation's most recently stored message; empty when it has none. */
  Optional<String> lastMessageId(String orgId, String conversationId);

  /** The first answer (assistant message) stored after the message, if any. */
  Optional<String> firstAnswerTo(String orgId, String conversationId, String messageId);

  /**
   * The branch of the conversation that ends at {@code messageId}, oldest first, read without the
   * rest of the conversation: at most {@code window} messages and, the newest counted first, at
   * most {@code maxChars} of their text and passages ({@code messageId} itself always); empty when
   * there is no such message.
   */
  List<Message> branch(
      String orgId, String conversationId, String messageId, int window, long maxChars);

  /** What an assistant's anonymous conversations hold. */
  record AnonymousUsage(int conversations, long storedBytes) {}

  AnonymousUsage anonymousUsage(String orgId, String assistantId);

  /**
   * Removes the assistant's least recently used anonymous conversations (with their messages) until
   * at most {@code conversations} of them remain, holding at most {@code storedBytes}; {@code
   * keepId} (the one just used, or null) is never removed, though it counts. Returns how many were
   * removed.
   */
  int pruneAnonymous(
      String orgId, String assistantId, int conversations, long storedBytes, String keepId);
}
