package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.port.in.assistant.ManageAssistantsUseCase;
import dev.lectern.application.port.in.conversation.ManageConversationsUseCase;
import dev.lectern.application.port.in.conversation.StartConversationCommand;
import dev.lectern.application.port.in.conversation.StartConversationUseCase;
import dev.lectern.application.port.in.conversation.StartedConversation;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.conversation.Conversation;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** RAGFlow's agent session endpoints over Lectern's conversations: create, list, delete. */
final class RagflowAgentSessionHandlers {
  /** The use cases these handlers call. */
  record UseCases(
      ManageAssistantsUseCase assistants,
      StartConversationUseCase start,
      ManageConversationsUseCase conversations) {}

  private final UseCases useCases;
  private final RagflowAuth auth;
  private final RagflowBodies bodies;

  RagflowAgentSessionHandlers(UseCases useCases, RagflowAuth auth, RagflowBodies bodies) {
    this.useCases = useCases;
    this.auth = auth;
    this.bodies = bodies;
  }

  /** The user is the body's {@code user_id}, else the query's, else the caller's organization. */
  void create(Context ctx) {
    String org = auth.tenant(ctx).org().id();
    ObjectNode body = bodies.object(ctx);
    Assistant agent =
        RagflowLookups.agent(useCases.assistants(), org, ctx.pathParam("agent_id"))
            .orElseThrow(() -> RagflowErrors.data("Agent not found."));
    String user = RagflowChatRequests.text(body.get("user_id"));
    if (user == null || user.isEmpty()) {
      user = ctx.queryParam("user_id");
    }
    StartedConversation started =
        useCases
            .start()
            .start(
                new StartConversationCommand(
                    org,
                    agent.id(),
                    RagflowSessionHandlers.DEFAULT_NAME,
                    user == null || user.isEmpty() ? org : user));
    RagflowReply.ok(
        ctx, RagflowAgentWire.created(started.conversation(), started.messages(), agent));
  }

  void list(Context ctx) {
    String org = auth.tenant(ctx).org().id();
    Assistant agent = owned(ctx, org, ".");
    List<Conversation> sessions = new ArrayList<>(useCases.conversations().list(org, agent.id()));
    String id = ctx.queryParam("id");
    String userId = ctx.queryParam("user_id");
    sessions.removeIf(
        s ->
            (id != null && !id.isEmpty() && !s.id().equals(id))
                || (userId != null && !userId.isEmpty() && !userId.equals(s.userId())));
    RagflowPaging page = RagflowPaging.of(ctx);
    Comparator<Conversation> order =
        RagflowSessionHandlers.order(ctx.queryParam("orderby"), "update_time");
    sessions.sort(page.descending() ? order.reversed() : order);
    String dsl = ctx.queryParam("dsl");
    boolean withDsl = !"false".equals(dsl) && !"False".equals(dsl);
    ArrayNode items = Json.MAPPER.createArrayNode();
    for (Conversation session : page.of(sessions)) {
      items.add(
          RagflowAgentWire.session(
              session,
              useCases.conversations().messages(org, agent.id(), session.id()),
              agent,
              withDsl));
    }
    RagflowReply.ok(ctx, items);
  }

  void delete(Context ctx) {
    String org = auth.tenant(ctx).org().id();
    Assistant agent = owned(ctx, org, "");
    ObjectNode body = bodies.object(ctx);
    List<Conversation> all = useCases.conversations().list(org, agent.id());
    if (all.isEmpty()) {
      throw RagflowErrors.data("Agent " + agent.id() + " has no sessions");
    }
    RagflowSessionHandlers.deleteSessions(
        ctx,
        useCases.conversations(),
        agent.id(),
        all,
        body.get("ids"),
        "The agent doesn't own the session ");
  }

  private Assistant owned(Context ctx, String org, String stop) {
    String id = ctx.pathParam("agent_id");
    return RagflowLookups.agent(useCases.assistants(), org, id)
        .orElseThrow(() -> RagflowErrors.data("You don't own the agent " + id + stop));
  }
}
