package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.port.in.access.Caller;
import dev.lectern.application.port.in.answer.ListModelsUseCase;
import dev.lectern.application.port.in.assistant.AssistantChecksUseCase;
import dev.lectern.application.port.in.assistant.ManageAssistantsUseCase;
import dev.lectern.application.port.in.dataset.ListDatasetsUseCase;
import dev.lectern.domain.assistant.Assistant;
import dev.lectern.domain.assistant.ModelInfo;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** RAGFlow's chat assistant endpoints over Lectern's assistants: create, update, list, delete. */
final class RagflowChatHandlers {
  /** The use cases these handlers call. */
  record UseCases(
      ManageAssistantsUseCase assistants,
      ListDatasetsUseCase datasets,
      ListModelsUseCase models,
      AssistantChecksUseCase checks) {}

  private final UseCases useCases;
  private final RagflowAuth auth;
  private final RagflowBodies bodies;

  RagflowChatHandlers(UseCases useCases, RagflowAuth auth, RagflowBodies bodies) {
    this.useCases = useCases;
    this.auth = auth;
    this.bodies = bodies;
  }

  void create(Context ctx) {
    String org = auth.tenant(ctx).org().id();
    ObjectNode body = bodies.object(ctx);
    Assistant created =
        useCases.assistants().create(org, RagflowChatRequests.create(body, lookup(org)));
    RagflowReply.ok(ctx, RagflowChatWire.chat(created, defaultModel(), null));
  }

  void update(Context ctx) {
    String org = auth.tenant(ctx).org().id();
    String id = ctx.pathParam("chat_id");
    Assistant current =
        RagflowLookups.chat(useCases.assistants(), org, id)
            .orElseThrow(() -> RagflowErrors.data("You do not own the chat"));
    ObjectNode body = bodies.object(ctx);
    useCases.assistants().update(org, id, RagflowChatRequests.update(body, current, lookup(org)));
    RagflowReply.ok(ctx);
  }

  void list(Context ctx) {
    String org = auth.tenant(ctx).org().id();
    String id = ctx.queryParam("id");
    String name = ctx.queryParam("name");
    List<Assistant> chats = chats(org);
    if (isGiven(id) || isGiven(name)) {
      chats.removeIf(
          chat ->
              (isGiven(id) && !chat.id().equals(id))
                  || (isGiven(name) && !chat.name().equalsIgnoreCase(name)));
      if (chats.isEmpty()) {
        throw RagflowErrors.data("The chat doesn't exist");
      }
    }
    RagflowPaging page = RagflowPaging.of(ctx);
    Comparator<Assistant> order = order(ctx.queryParam("orderby"));
    chats.sort(page.descending() ? order.reversed() : order);
    ArrayNode items = Json.MAPPER.createArrayNode();
    String defaultModel = defaultModel();
    for (Assistant chat : page.of(chats)) {
      items.add(
          RagflowChatWire.chat(
              chat,
              defaultModel,
              RagflowChatWire.datasets(chat, dataset -> useCases.datasets().find(org, dataset))));
    }
    RagflowReply.ok(ctx, items);
  }

  /** RAGFlow's order columns for chats; creation time unless another is named. */
  private static Comparator<Assistant> order(String orderby) {
    Comparator<Assistant> byId = Comparator.comparing(Assistant::id);
    if ("update_time".equals(orderby)) {
      return Comparator.comparing(Assistant::updatedAt).thenComparing(byId);
    }
    if ("name".equals(orderby)) {
      return Comparator.comparing((Assistant a) -> a.name().toLowerCase(Locale.ROOT))
          .thenComparing(byId);
    }
    return Comparator.comparing(Assistant::createdAt).thenComparing(byId);
  }

  void delete(Context ctx) {
    Caller caller = auth.tenant(ctx);
    String org = caller.org().id();
    ObjectNode body = bodies.object(ctx);
    JsonNode ids = body.get("ids");
    RagflowIdList list;
    if (!RagflowChatRequests.truthy(ids)) {
      ArrayNode all = Json.MAPPER.createArrayNode();
      chats(org).forEach(chat -> all.add(chat.id()));
      list = RagflowIdList.of(all, "ids", "assistant");
    } else {
      list = RagflowIdList.of(ids, "ids", "assistant");
    }
    List<String> errors = new ArrayList<>();
    int deleted = 0;
    for (String id : list.unique()) {
      if (RagflowLookups.chat(useCases.assistants(), org, id).isEmpty()) {
        errors.add("Assistant(" + id + ") not found.");
        continue;
      }
      useCases.assistants().delete(org, id);
      deleted++;
    }
    RagflowIdList.answerDeletes(ctx, list, errors, deleted);
  }

  /** The org's assistants that are not agents, oldest first. */
  private List<Assistant> chats(String org) {
    List<Assistant> chats = new ArrayList<>(useCases.assistants().list(org));
    chats.removeIf(RagflowAgentRequests::isAgent);
    return chats;
  }

  private String defaultModel() {
    List<ModelInfo> models = useCases.models().models();
    return models.isEmpty() ? "" : models.getFirst().name();
  }

  private RagflowChatRequests.Lookup lookup(String org) {
    return RagflowLookups.checks(useCases.checks(), useCases.datasets(), org);
  }

  private static boolean isGiven(String param) {
    return param != null && !param.isEmpty();
  }
}
