package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.conversation.Conversation;
import dev.lectern.domain.conversation.Message;
import dev.lectern.domain.conversation.Reference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Agents and their sessions as RAGFlow shows them. */
final class RagflowAgentWire {
  private RagflowAgentWire() {}

  /** An agent as {@code GET /agents} lists it: a canvas with its DSL. */
  static ObjectNode agent(Assistant agent) {
    ObjectNode node = Json.object();
    node.put("id", agent.id());
    node.put("title", agent.name());
    node.put("avatar", agent.attributes().getOrDefault(RagflowChatWire.AVATAR, ""));
    node.put("description", agent.description());
    node.set("dsl", dsl(agent));
    node.putNull("canvas_type");
    node.put("canvas_category", "agent_canvas");
    node.put("permission", "me");
    node.put("user_id", agent.orgId());
    RagflowWire.times(node, agent.createdAt(), agent.updatedAt());
    return RagflowChatWire.sorted(node);
  }

  /** A session just created: its opener as its only message, and the agent's DSL. */
  static ObjectNode created(Conversation session, List<Message> messages, Assistant agent) {
    ObjectNode node = Json.object();
    node.put("id", session.id());
    node.put("agent_id", agent.id());
    node.put("user_id", session.userId() == null ? "" : session.userId());
    ArrayNode list = node.putArray("message");
    for (Message message : messages) {
      list.add(RagflowSessionWire.message(message, true, false));
    }
    node.put("source", "agent");
    node.set("dsl", dsl(agent));
    return node;
  }

  /** A session as its list shows it; the DSL only when asked for. */
  static ObjectNode session(
      Conversation session, List<Message> messages, Assistant agent, boolean withDsl) {
    ObjectNode node = Json.object();
    node.put("id", session.id());
    node.put("agent_id", agent.id());
    node.put("name", session.name());
    node.put("user_id", session.userId() == null ? "" : session.userId());
    node.put("source", "agent");
    ArrayNode list = node.putArray("messages");
    for (int i = 0; i < messages.size(); i++) {
      list.add(RagflowSessionWire.message(messages.get(i), i == 0, agent.showQuote()));
    }
    if (withDsl) {
      node.set("dsl", dsl(agent));
    }
    RagflowWire.times(node, session.createdAt(), session.updatedAt());
    return RagflowChatWire.sorted(node);
  }

  /**
   * An agent answer's reference in the agent form: chunks keyed by the index its {@code [ID:n]}
   * citations use, documents keyed by name.
   */
  static ObjectNode reference(List<Reference> references) {
    ObjectNode node = Json.object();
    ObjectNode chunks = node.putObject("chunks");
    ArrayNode list = RagflowReferences.chunks(references);
    for (int i = 0; i < list.size(); i++) {
      chunks.set(Integer.toString(i), list.get(i));
    }
    ObjectNode aggs = node.putObject("doc_aggs");
    Map<String, Reference> first = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Reference reference : references) {
      first.putIfAbsent(reference.documentName(), reference);
      counts.merge(reference.documentName(), 1, Integer::sum);
    }
    first.forEach(
        (name, reference) ->
            aggs.putObject(name)
                .put("doc_name", name)
                .put("doc_id", reference.documentId())
                .put("count", counts.get(name)));
    return node;
  }

  private static JsonNode dsl(Assistant agent) {
    try {
      return Json.MAPPER.readTree(agent.attributes().get(RagflowAgentRequests.DSL));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an agent's stored DSL is not JSON", e);
    }
  }
}
