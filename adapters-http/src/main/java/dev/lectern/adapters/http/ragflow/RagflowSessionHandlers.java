package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.assistant.ManageAssistantsUseCase;
import dev.lectern.application.port.in.conversation.ManageConversationsUseCase;
import dev.lectern.application.port.in.conversation.StartConversationCommand;
import dev.lectern.application.port.in.conversation.StartConversationUseCase;
import dev.lectern.application.port.in.conversation.StartedConversation;
import dev.lectern.domain.conversation.Conversation;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** RAGFlow's chat session endpoints over Lectern's conversations: create, update, list, delete. */
final class RagflowSessionHandlers {
  /** RAGFlow's name for a new session. */
  static final String DEFAULT_NAME = "New session";

  /** The use cases these handlers call. */
  record UseCases(
      ManageAssistantsUseCase assistants,
      StartConversationUseCase start,
      ManageConversationsUseCase conversations) {}

  private final UseCases useCases;
  private final RagflowAuth auth;
  private final RagflowBodies bodies;

  RagflowSessionHandlers(UseCases useCases, RagflowAuth auth, RagflowBodies bodies) {
    this.useCases = useCases;
    this.auth = auth;
    this.bodies = bodies;
  }

  void create(Context ctx) {
    String org = auth.tenant(ctx).org().id();
    String chat = ctx.pathParam("chat_id");
    ObjectNode body = bodies.object(ctx);
    if (sessions(org, chat).isEmpty()) {
      throw RagflowErrors.data("You do not own the assistant.");
    }
    String name = body.has("name") ? RagflowChatRequests.text(body.get("name")) : DEFAULT_NAME;
    if (!RagflowChatRequests.truthy(body.get("name")) && body.has("name")) {
      throw RagflowErrors.data("`name` can not be empty.");
    }
    StartedConversation started =
        useCases
            .start()
            .start(
                new StartConversationCommand(
                    org, chat, name, RagflowChatRequests.text(body.get("user_id"))));
    RagflowReply.ok(
        ctx, RagflowSessionWire.session(started.conversation(), started.messages(), true));
  }

  void update(Context ctx) {
    String org = auth.tenant(ctx).org().id();
    String chat = ctx.pathParam("chat_id");
    String id = ctx.pathParam("session_id");
    ObjectNode body = bodies.object(ctx);
    if (RagflowLookups.chat(useCases.assistants(), org, chat).isEmpty()
        || RagflowLookups.session(useCases.conversations(), org, chat, id).isEmpty()) {
      throw RagflowErrors.data("Session does not exist");
    }
    if (body.has("message") || body.has("messages")) {
      throw RagflowErrors.data("`message` can not be change");
    }
    if (body.has("reference")) {
      throw RagflowErrors.data("`reference` can not be change");
    }
    if (body.has("name")) {
      if (!RagflowChatRequests.truthy(body.get("name"))) {
        throw RagflowErrors.data("`name` can not be empty.");
      }
      useCases.conversations().rename(org, chat, id, RagflowChatRequests.text(body.get("name")));
    }
    RagflowReply.ok(ctx);
  }

  void list(Context ctx) {
    String org = auth.tenant(ctx).org().id();
    String chat = ctx.pathParam("chat_id");
    List<Conversation> sessions =
        new ArrayList<>(
            sessions(org, chat)
                .orElseThrow(
                    () -> RagflowErrors.data("You don't own the assistant " + chat + ".")));
    String id = ctx.queryParam("id");
    String name = ctx.queryParam("name");
    String userId = ctx.queryParam("user_id");
    sessions.removeIf(
        s ->
            (isGiven(id) && !s.id().equals(id))
                || (isGiven(name) && !s.name().equals(name))
                || (isGiven(userId) && !userId.equals(s.userId())));
    boolean quote = useCases.assistants().find(org, chat).showQuote();
    RagflowPaging page = RagflowPaging.of(ctx);
    Comparator<Conversation> order = order(ctx.queryParam("orderby"), "create_time");
    sessions.sort(page.descending() ? order.reversed() : order);
    ArrayNode items = Json.MAPPER.createArrayNode();
    for (Conversation s : page.of(sessions)) {
      items.add(
          RagflowSessionWire.session(
              s, useCases.conversations().messages(org, chat, s.id()), quote));
    }
    RagflowReply.ok(ctx, items);
  }

  /** RAGFlow's order columns for sessions; {@code fallback} unless another is named. */
  static Comparator<Conversation> order(String orderby, String fallback) {
    Comparator<Conversation> byId = Comparator.comparing(Conversation::id);
    String column = orderby == null || orderby.isEmpty() ? fallback : orderby;
    if ("update_time".equals(column)) {
      return Comparator.comparing(Conversation::updatedAt).thenComparing(byId);
    }
    if ("name".equals(column)) {
      return Comparator.comparing(Conversation::name).thenComparing(byId);
    }
    return Comparator.comparing(Conversation::createdAt).thenComparing(byId);
  }

  void delete(Context ctx) {
    String org = auth.tenant(ctx).org().id();
    String chat = ctx.pathParam("chat_id");
    ObjectNode body = bodies.object(ctx);
    List<Conversation> all =
        sessions(org, chat).orElseThrow(() -> RagflowErrors.data("You don't own the chat"));
    deleteSessions(
        ctx,
        useCases.conversations(),
        chat,
        all,
        body.get("ids"),
        "The chat doesn't own the session ");
  }

  /**
   * Deletes the sessions {@code ids} names of an assistant's, or all of them when it names none; an
   * id that is not one of them is reported as {@code missing} followed by the id.
   */
  static void deleteSessions(
      Context ctx,
      ManageConversationsUseCase conversations,
      String assistant,
      List<Conversation> all,
      JsonNode ids,
      String missing) {
    RagflowIdList list;
    if (!RagflowChatRequests.truthy(ids)) {
      ArrayNode every = Json.MAPPER.createArrayNode();
      all.forEach(s -> every.add(s.id()));
      list = RagflowIdList.of(every, "ids", "session");
    } else {
      list = RagflowIdList.of(ids, "ids", "session");
    }
    Map<String, Conversation> byId = new HashMap<>();
    all.forEach(s -> byId.put(s.id(), s));
    List<String> errors = new ArrayList<>();
    int deleted = 0;
    for (String id : list.unique()) {
      Conversation session = byId.get(id);
      if (session == null) {
        errors.add(missing + id);
        continue;
      }
      conversations.delete(session.orgId(), assistant, id);
      deleted++;
    }
    RagflowIdList.answerDeletes(ctx, list, errors, deleted);
  }

  /** The chat's sessions; empty when there is no such chat. */
  private Optional<List<Conversation>> sessions(String org, String chat) {
    if (RagflowLookups.chat(useCases.assistants(), org, chat).isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(useCases.conversations().list(org, chat));
    } catch (NotFound noChat) {
      return Optional.empty();
    }
  }

  private static boolean isGiven(String param) {
    return param != null && !param.isEmpty();
  }
}
