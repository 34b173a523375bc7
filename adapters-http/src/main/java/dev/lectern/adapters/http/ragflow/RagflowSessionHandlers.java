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
import java.util.List;
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
      throw RagflowFailure.data("You do not own the assistant.");
    }
    String name = body.has("name") ? RagflowChatRequests.text(body.get("name")) : DEFAULT_NAME;
    if (!RagflowChatRequests.truthy(body.get("name")) && body.has("name")) {
      throw RagflowFailure.data("`name` can not be empty.");
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
    if (RagflowLookups.session(useCases.conversations(), org, chat, id).isEmpty()) {
      throw RagflowFailure.data("Session does not exist");
    }
    if (body.has("message") || body.has("messages")) {
      throw RagflowFailure.data("`message` can not be change");
    }
    if (body.has("reference")) {
      throw RagflowFailure.data("`reference` can not be change");
    }
    if (body.has("name")) {
      if (!RagflowChatRequests.truthy(body.get("name"))) {
        throw RagflowFailure.data("`name` can not be empty.");
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
                    () -> RagflowFailure.data("You don't own the assistant " + chat + ".")));
    String id = ctx.queryParam("id");
    String name = ctx.queryParam("name");
    String userId = ctx.queryParam("user_id");
    sessions.removeIf(
        s ->
            (isGiven(id) && !s.id().equals(id))
                || (isGiven(name) && !s.name().equals(name))
                || (isGiven(userId) && !userId.equals(s.userId())));
    boolean quote = useCases.assistants().find(org, chat).showQuote();
    int page = ctx.queryParam("page") == null ? 1 : RagflowValues.toInt(ctx.queryParam("page"));
    int pageSize =
        ctx.queryParam("page_size") == null ? 30 : RagflowValues.toInt(ctx.queryParam("page_size"));
    String desc = ctx.queryParam("desc");
    Comparator<Conversation> order = order(ctx.queryParam("orderby"));
    sessions.sort("false".equals(desc) || "False".equals(desc) ? order : order.reversed());
    ArrayNode items = Json.MAPPER.createArrayNode();
    if (pageSize > 0) {
      sessions.stream()
          .skip((long) (Math.max(page, 1) - 1) * pageSize)
          .limit(pageSize)
          .forEach(
              s ->
                  items.add(
                      RagflowSessionWire.session(
                          s, useCases.conversations().messages(org, chat, s.id()), quote)));
    }
    RagflowReply.ok(ctx, items);
  }

  private static Comparator<Conversation> order(String orderby) {
    Comparator<Conversation> byId = Comparator.comparing(Conversation::id);
    if ("update_time".equals(orderby)) {
      return Comparator.comparing(Conversation::updatedAt).thenComparing(byId);
    }
    if ("name".equals(orderby)) {
      return Comparator.comparing(Conversation::name).thenComparing(byId);
    }
    return Comparator.comparing(Conversation::createdAt).thenComparing(byId);
  }

  void delete(Context ctx) {
    String org = auth.tenant(ctx).org().id();
    String chat = ctx.pathParam("chat_id");
    ObjectNode body = bodies.object(ctx);
    List<Conversation> all =
        sessions(org, chat).orElseThrow(() -> RagflowFailure.data("You don't own the chat"));
    JsonNode ids = body.get("ids");
    RagflowIdList list;
    if (!RagflowChatRequests.truthy(ids)) {
      ArrayNode every = Json.MAPPER.createArrayNode();
      all.forEach(s -> every.add(s.id()));
      list = RagflowIdList.of(every, "ids", "session");
    } else {
      list = RagflowIdList.of(ids, "ids", "session");
    }
    List<String> errors = new ArrayList<>();
    int deleted = 0;
    for (String id : list.unique()) {
      if (RagflowLookups.session(useCases.conversations(), org, chat, id).isEmpty()) {
        errors.add("The chat doesn't own the session " + id);
        continue;
      }
      useCases.conversations().delete(org, chat, id);
      deleted++;
    }
    RagflowIdList.answerDeletes(ctx, list, errors, deleted);
  }

  /** The chat's sessions; empty when there is no such chat. */
  private Optional<List<Conversation>> sessions(String org, String chat) {
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
