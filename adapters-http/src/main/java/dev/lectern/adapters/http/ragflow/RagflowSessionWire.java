package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.domain.conversation.Conversation;
import dev.lectern.domain.conversation.Message;
import dev.lectern.domain.conversation.Reference;
import dev.lectern.domain.conversation.Role;
import java.util.List;

/** A chat session as RAGFlow shows it: its messages, and each answer's references. */
final class RagflowSessionWire {
  private RagflowSessionWire() {}

  /**
   * A session with its messages; the first message (the opener) is shown as RAGFlow stores it, with
   * its role and content only; answers show their citations as the chat quotes them.
   */
  static ObjectNode session(Conversation conversation, List<Message> messages, boolean quote) {
    ObjectNode node = Json.object();
    node.put("id", conversation.id());
    node.put("chat_id", conversation.assistantId());
    node.put("name", conversation.name());
    node.put("user_id", conversation.userId() == null ? "" : conversation.userId());
    ArrayNode list = node.putArray("messages");
    for (int i = 0; i < messages.size(); i++) {
      list.add(message(messages.get(i), i == 0, quote));
    }
    RagflowWire.times(node, conversation.createdAt(), conversation.updatedAt());
    return RagflowChatWire.sorted(node);
  }

  static ObjectNode message(Message message, boolean opener, boolean quote) {
    ObjectNode node = Json.object();
    node.put("role", message.role() == Role.USER ? "user" : "assistant");
    node.put(
        "content",
        message.role() == Role.USER || opener
            ? message.content()
            : RagflowCitations.rewrite(message.content(), quote));
    if (opener && message.role() == Role.ASSISTANT) {
      return node;
    }
    node.put("id", message.id());
    if (message.role() != Role.USER) {
      node.put("created_at", message.createdAt().toEpochMilli() / 1000.0);
      ArrayNode references = node.putArray("reference");
      message.references().forEach(reference -> references.add(reference(reference)));
    }
    return node;
  }

  /** A chunk an answer drew on, with the seven fields a session's message shows. */
  static ObjectNode reference(Reference reference) {
    ObjectNode node = Json.object();
    node.put("id", reference.chunkId());
    node.put("content", reference.snippet());
    node.put("document_id", reference.documentId());
    node.put("document_name", reference.documentName());
    node.put("dataset_id", reference.collectionId());
    node.put("image_id", "");
    node.putArray("positions");
    return node;
  }
}
