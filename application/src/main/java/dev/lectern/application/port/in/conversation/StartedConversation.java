package dev.lectern.application.port.in.conversation;

import dev.lectern.domain.conversation.Conversation;
import dev.lectern.domain.conversation.Message;
import java.util.List;

/** A new conversation with its first messages: the assistant's opener, or none. */
public record StartedConversation(Conversation conversation, List<Message> messages) {
  public StartedConversation {
    messages = List.copyOf(messages);
  }
}
