package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.error.Conflict;
import dev.lectern.application.port.in.assistant.AssistantChecksUseCase;
import dev.lectern.application.port.in.assistant.AssistantDraft;
import dev.lectern.application.port.in.assistant.ManageAssistantsUseCase;
import dev.lectern.application.port.in.dataset.ListDatasetsUseCase;
import dev.lectern.domain.assistant.Assistant;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** RAGFlow's agent endpoints over Lectern's assistants: create, list, update, delete. */
final class RagflowAgentHandlers {
  /** RAGFlow's answer to a change of another's agent, or of none. */
  static final String NOT_OWNER = "Only owner of canvas authorized for this operation.";

  /** The use cases these handlers call. */
  record UseCases(
      ManageAssistantsUseCase assistants,
      ListDatasetsUseCase datasets,
      AssistantChecksUseCase checks) {}

  private final UseCases useCases;
  private final RagflowAuth auth;
  private final RagflowBodies bodies;

  RagflowAgentHandlers(UseCases useCases, RagflowAuth auth, RagflowBodies bodies) {
    this.useCases = useCases;
    this.auth = auth;
    this.bodies = bodies;
  }

  void create(Context ctx) {
    String org = auth.tenant(ctx).org().id();
    ObjectNode body = bodies.object(ctx);
    AssistantDraft draft = RagflowAgentRequests.create(body, checks(org));
    try {
      useCases.assistants().create(org, draft);
    } catch (Conflict raced) {
      // Another request took the title since it was checked.
      throw RagflowErrors.data("Agent with title " + draft.name() + " already exists.");
    }
    success(ctx);
  }

  void update(Context ctx) {
    String org = auth.tenant(ctx).org().id();
    Assistant agent = owned(ctx, org);
    ObjectNode body = bodies.object(ctx);
    useCases
        .assistants()
        .update(org, agent.id(), RagflowAgentRequests.update(body, agent, checks(org)));
    success(ctx);
  }

  void delete(Context ctx) {
    String org = auth.tenant(ctx).org().id();
    Assistant agent = owned(ctx, org);
    useCases.assistants().delete(org, agent.id());
    success(ctx);
  }

  void list(Context ctx) {
    String org = auth.tenant(ctx).org().id();
    String id = ctx.queryParam("id");
    String title = ctx.queryParam("title");
    List<Assistant> agents = new ArrayList<>(useCases.assistants().list(org));
    agents.removeIf(
        agent ->
            !RagflowAgentRequests.isAgent(agent)
                || (isGiven(id) && !agent.id().equals(id))
                || (isGiven(title) && !agent.name().equalsIgnoreCase(title)));
    if ((isGiven(id) || isGiven(title)) && agents.isEmpty()) {
      throw RagflowErrors.data("The agent doesn't exist.");
    }
    RagflowPaging page = RagflowPaging.of(ctx);
    Comparator<Assistant> order = order(ctx.queryParam("orderby"));
    agents.sort(page.descending() ? order.reversed() : order);
    ArrayNode items = Json.MAPPER.createArrayNode();
    page.of(agents).forEach(agent -> items.add(RagflowAgentWire.agent(agent)));
    RagflowReply.ok(ctx, items);
  }

  /** RAGFlow's order columns for agents; the last change unless another is named. */
  private static Comparator<Assistant> order(String orderby) {
    Comparator<Assistant> byId = Comparator.comparing(Assistant::id);
    if ("create_time".equals(orderby)) {
      return Comparator.comparing(Assistant::createdAt).thenComparing(byId);
    }
    if ("title".equals(orderby)) {
      return Comparator.comparing((Assistant a) -> a.name().toLowerCase(Locale.ROOT))
          .thenComparing(byId);
    }
    return Comparator.comparing(Assistant::updatedAt).thenComparing(byId);
  }

  private Assistant owned(Context ctx, String org) {
    return RagflowLookups.agent(useCases.assistants(), org, ctx.pathParam("agent_id"))
        .orElseThrow(() -> RagflowErrors.notOwner(NOT_OWNER));
  }

  private RagflowChatRequests.Lookup checks(String org) {
    return RagflowLookups.checks(useCases.checks(), useCases.datasets(), org);
  }

  /** {@code {"code":0,"message":"success","data":true}}. */
  static void success(Context ctx) {
    ObjectNode body = Json.object();
    body.put("code", 0);
    body.put("message", "success");
    body.set("data", BooleanNode.TRUE);
    Json.respond(ctx, 200, body);
  }

  private static boolean isGiven(String param) {
    return param != null && !param.isEmpty();
  }
}
