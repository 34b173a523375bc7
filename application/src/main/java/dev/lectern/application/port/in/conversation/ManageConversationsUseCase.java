package dev.lectern.application.port.in.conversation;

import dev.lectern.domain.conversation.Conversation;
import dev.lectern.domain.conversation.Message;
import java.util.List;
import java.util.Optional;

/**
 * Use case: an assistant's conversations, whichever dialect calls them sessions. A conversation is
 * reached only through its own assistant: another assistant's is not found.
 */
public interface ManageConversationsUseCase {
  /** Oldest first. */
  List<Conversation> list(String orgId, String assistantId);

  Conversation find(String orgId, String assistantId, String conversationId);

  /** The conversation of this assistant's that holds the message, if any. */
  Optional<Conversation> holding(String orgId, String assistantId, String messageId);

  /**
   * The answer a message of the conversation stands for, as a turn to continue from: the message
   * itself unless it is a question, else the first answer to it (the question when it has none).
   */
  String answerFor(String orgId, String assistantId, String conversationId, String messageId);

  /** How many questions the conversation holds (its users' messages). */
  int questions(String orgId, String assistantId, String conversationId);

  /** The conversation's messages in the order they were stored. */
  List<Message> messages(String orgId, String assistantId, String conversationId);

  Conversation rename(String orgId, String assistantId, String conversationId, String name);

  /** Removes the conversation with its messages. */
  void delete(String orgId, String assistantId, String conversationId);
}
