package dev.lectern.adapters.http.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.BearerAuth;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.RequestBodies;
import dev.lectern.application.port.in.access.Caller;
import dev.lectern.application.port.in.access.CreatedToken;
import dev.lectern.application.port.in.assistant.AssistantKeysUseCase;
import dev.lectern.application.port.in.assistant.ManageAssistantsUseCase;
import dev.lectern.application.port.in.conversation.AnonymousConversations;
import dev.lectern.application.port.in.conversation.AnonymousConversationsUseCase;
import dev.lectern.domain.assistant.Assistant;
import io.javalin.http.Context;

/**
 * {@code /lectern/v1/assistants}: create, list, read, change and delete assistants, and the keys
 * that reach one of them. The caller's token is an organization's (or a super-admin's, acting in
 * {@code x-org}); an assistant's own key cannot manage anything.
 */
public final class AdminAssistantHandlers {
  /** The use cases these handlers call. */
  public record UseCases(
      ManageAssistantsUseCase assistants,
      AssistantKeysUseCase keys,
      AnonymousConversationsUseCase anonymous) {}

  private final UseCases useCases;
  private final BearerAuth auth;
  private final RequestBodies bodies;

  AdminAssistantHandlers(UseCases useCases, BearerAuth auth, RequestBodies bodies) {
    this.useCases = useCases;
    this.auth = auth;
    this.bodies = bodies;
  }

  void create(Context ctx) {
    Caller caller = auth.tenant(ctx);
    Assistant created =
        useCases.assistants().create(caller.org().id(), AdminAssistantJson.draft(bodies.json(ctx)));
    Json.respond(ctx, 201, AdminAssistantJson.assistant(created));
  }

  void list(Context ctx) {
    Caller caller = auth.tenant(ctx);
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("assistants");
    useCases
        .assistants()
        .list(caller.org().id())
        .forEach(a -> items.add(AdminAssistantJson.assistant(a)));
    Json.respond(ctx, 200, body);
  }

  void find(Context ctx) {
    Caller caller = auth.tenant(ctx);
    Json.respond(
        ctx,
        200,
        AdminAssistantJson.assistant(useCases.assistants().find(caller.org().id(), id(ctx))));
  }

  void update(Context ctx) {
    Caller caller = auth.tenant(ctx);
    Assistant changed =
        useCases
            .assistants()
            .update(caller.org().id(), id(ctx), AdminAssistantJson.draft(bodies.json(ctx)));
    Json.respond(ctx, 200, AdminAssistantJson.assistant(changed));
  }

  void delete(Context ctx) {
    Caller caller = auth.tenant(ctx);
    useCases.assistants().delete(caller.org().id(), id(ctx));
    ctx.status(204);
  }

  void createKey(Context ctx) {
    Caller caller = auth.tenant(ctx);
    var body = bodies.json(ctx);
    body.onlyKnown(java.util.Set.of("name"));
    CreatedToken created =
        useCases.keys().createKey(caller.org().id(), id(ctx), body.requiredString("name"));
    ObjectNode node = AdminAssistantJson.key(created.token());
    node.put("key", created.secret());
    Json.respond(ctx, 201, node);
  }

  void listKeys(Context ctx) {
    Caller caller = auth.tenant(ctx);
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("keys");
    useCases
        .keys()
        .keys(caller.org().id(), id(ctx))
        .forEach(k -> items.add(AdminAssistantJson.key(k)));
    Json.respond(ctx, 200, body);
  }

  void revokeKey(Context ctx) {
    Caller caller = auth.tenant(ctx);
    useCases.keys().revokeKey(caller.org().id(), id(ctx), ctx.pathParam("key_id"));
    ctx.status(204);
  }

  /** What anonymous callers stored with the assistant, and its quota. */
  void anonymousUsage(Context ctx) {
    Caller caller = auth.tenant(ctx);
    AnonymousConversations usage = useCases.anonymous().usage(caller.org().id(), id(ctx));
    ObjectNode body = Json.object();
    body.put("conversations", usage.conversations());
    body.put("stored_bytes", usage.storedBytes());
    body.putObject("quota")
        .put("conversations", usage.quotaConversations())
        .put("stored_bytes", usage.quotaBytes());
    Json.respond(ctx, 200, body);
  }

  /** Removes every anonymous conversation of the assistant. */
  void purgeAnonymous(Context ctx) {
    Caller caller = auth.tenant(ctx);
    int removed = useCases.anonymous().purge(caller.org().id(), id(ctx));
    Json.respond(ctx, 200, Json.object().put("deleted", removed));
  }

  private static String id(Context ctx) {
    return ctx.pathParam("assistant_id");
  }
}
