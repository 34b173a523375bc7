package dev.lectern.application.port.out;

import dev.lectern.domain.conversation.Conversation;
import dev.lectern.domain.conversation.Message;
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
}
