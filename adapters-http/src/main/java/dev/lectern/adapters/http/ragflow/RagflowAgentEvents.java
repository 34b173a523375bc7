package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.port.in.answer.Answer;
import dev.lectern.domain.conversation.Reference;
import dev.lectern.domain.flow.Flow;
import dev.lectern.domain.flow.FlowStep;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The events of an agent's run as {@code /agents/{id}/completions} sends them: {@code message}
 * pieces, {@code message_end} with the reference, {@code node_finished} for each component, and the
 * {@code workflow_finished} of an answer given whole.
 */
final class RagflowAgentEvents {
  /** RAGFlow adds a reference only to an answer that cites. */
  private static final Pattern CITES = Pattern.compile("\\[ID:[ 0-9]+]");

  /** How long the run took: finding the passages, then writing the answer. In seconds. */
  record Timing(double retrieval, double answer) {}

  private final String sessionId;
  private final String taskId = UUID.randomUUID().toString().replace("-", "");
  private final Flow flow;
  private String messageId = "";

  RagflowAgentEvents(String sessionId, Flow flow) {
    this.sessionId = sessionId;
    this.flow = flow;
  }

  void messageId(String id) {
    if (id != null) {
      messageId = id;
    }
  }

  /** {@code {event, message_id, created_at, task_id, data, session_id}}. */
  ObjectNode event(String name, JsonNode data) {
    ObjectNode event = Json.object();
    event.put("event", name);
    event.put("message_id", messageId);
    event.put("created_at", System.currentTimeMillis() / 1000);
    event.put("task_id", taskId);
    event.set("data", data);
    event.put("session_id", sessionId);
    return event;
  }

  ObjectNode piece(String text) {
    ObjectNode data = Json.object();
    data.put("content", text);
    return event("message", data);
  }

  ObjectNode messageEnd(Answer answer, String text) {
    ObjectNode data = Json.object();
    if (cites(text)) {
      data.set("reference", RagflowAgentWire.reference(answer.references()));
    }
    return event("message_end", data);
  }

  /** A {@code node_finished} event for each component, in the order they ran. */
  List<ObjectNode> nodes(Answer answer, String text, Timing timing) {
    return flow.steps().stream()
        .map(step -> event("node_finished", node(step, answer, text, timing)))
        .toList();
  }

  /** The whole run as one {@code workflow_finished} event. */
  ObjectNode finished(Answer answer, String text, Timing timing) {
    ObjectNode data = Json.object();
    data.putObject("inputs");
    data.set("outputs", outputs("Message", answer, text));
    data.put("elapsed_time", timing.retrieval() + timing.answer());
    data.put("created_at", System.currentTimeMillis() / 1000.0);
    data.put("content", text);
    data.set(
        "reference", cites(text) ? RagflowAgentWire.reference(answer.references()) : Json.object());
    return event("workflow_finished", data);
  }

  static boolean cites(String text) {
    return CITES.matcher(text).find();
  }

  private ObjectNode node(FlowStep step, Answer answer, String text, Timing timing) {
    String type = RagflowAgentDsl.componentName(step);
    ObjectNode data = Json.object();
    data.putObject("inputs");
    data.set("outputs", outputs(type, answer, text));
    data.put("component_id", step.id());
    data.put("component_name", step.label());
    data.put("component_type", type);
    data.putNull("error");
    double elapsed =
        switch (step) {
          case FlowStep.Begin begin -> 0.0;
          case FlowStep.Retrieve retrieve -> timing.retrieval();
          case FlowStep.Generate generate -> timing.answer();
          case FlowStep.Message message -> timing.answer();
        };
    data.put("elapsed_time", elapsed);
    data.put("created_at", System.currentTimeMillis() / 1000.0);
    return data;
  }

  private static ObjectNode outputs(String component, Answer answer, String text) {
    ObjectNode outputs = Json.object();
    switch (component) {
      case "Retrieval" -> {
        outputs.put("formalized_content", passages(answer.references()));
        ArrayNode json = outputs.putArray("json");
        json.addAll(RagflowReferences.chunks(answer.references()));
      }
      case "LLM", "Generate", "Message" -> outputs.put("content", text);
      default -> {
        // Begin has no outputs of its own.
      }
    }
    return outputs;
  }

  private static String passages(List<Reference> references) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < references.size(); i++) {
      Reference reference = references.get(i);
      text.append("\nID: ").append(i).append("\n├── Title: ").append(reference.documentName());
      text.append("\n└── Content:\n").append(reference.snippet()).append('\n');
    }
    return text.toString();
  }
}
