package dev.lectern.adapters.http.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.BearerAuth;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.port.in.access.Caller;
import dev.lectern.application.port.in.task.CancelTaskUseCase;
import dev.lectern.application.port.in.task.FindTaskUseCase;
import dev.lectern.application.port.in.task.ListTasksCommand;
import dev.lectern.application.port.in.task.ListTasksUseCase;
import dev.lectern.domain.task.Task;
import dev.lectern.domain.task.TaskKind;
import dev.lectern.domain.task.TaskStatus;
import dev.lectern.domain.text.TextLimits;
import dev.lectern.domain.token.TokenScope;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Lectern's task endpoints: list with counts, one task, cancel. */
public final class AdminTaskHandlers {
  /** The use cases these handlers call. */
  public record UseCases(ListTasksUseCase list, FindTaskUseCase find, CancelTaskUseCase cancel) {}

  private final UseCases useCases;
  private final BearerAuth auth;

  AdminTaskHandlers(UseCases useCases, BearerAuth auth) {
    this.useCases = useCases;
    this.auth = auth;
  }

  void list(Context ctx) {
    Caller caller = auth.tenant(ctx);
    // A super-admin token sees every org unless it names one with x-org.
    String orgId =
        caller.token().scope() == TokenScope.SUPER && ctx.header("x-org") == null
            ? null
            : caller.org().id();
    TaskStatus status =
        optional(ctx, "status")
            .map(
                value ->
                    TaskStatus.fromName(value)
                        .orElseThrow(() -> invalid("status", value, names(TaskStatus.values()))))
            .orElse(null);
    TaskKind kind =
        optional(ctx, "kind")
            .map(
                value ->
                    TaskKind.fromCode(value)
                        .orElseThrow(
                            () ->
                                invalid(
                                    "kind",
                                    value,
                                    Arrays.stream(TaskKind.values())
                                        .map(TaskKind::code)
                                        .collect(Collectors.joining(", ")))))
            .orElse(null);
    int limit =
        optional(ctx, "limit").map(AdminTaskHandlers::limit).orElse(ListTasksCommand.DEFAULT_LIMIT);
    var listing = useCases.list().list(new ListTasksCommand(orgId, status, kind, limit));
    ObjectNode body = Json.object();
    ObjectNode counts = body.putObject("counts");
    listing.counts().forEach((key, value) -> counts.put(key.name(), value));
    body.put("total", listing.counts().values().stream().mapToLong(Long::longValue).sum());
    ArrayNode tasks = body.putArray("tasks");
    listing.tasks().forEach(task -> tasks.add(task(task)));
    Json.respond(ctx, 200, body);
  }

  void find(Context ctx) {
    Caller caller = auth.tenant(ctx);
    Json.respond(ctx, 200, task(useCases.find().find(caller.org().id(), ctx.pathParam("task_id"))));
  }

  void cancel(Context ctx) {
    Caller caller = auth.tenant(ctx);
    Json.respond(
        ctx, 200, task(useCases.cancel().cancel(caller.org().id(), ctx.pathParam("task_id"))));
  }

  static ObjectNode task(Task task) {
    ObjectNode node = Json.object();
    node.put("id", task.id().value());
    node.put("org_id", task.orgId());
    node.put("kind", task.kind().code());
    node.put("status", task.status().name());
    node.put("progress", task.progress());
    node.put("attempts", task.attempts());
    node.put("max_attempts", task.maxAttempts());
    node.put("cancel_requested", task.cancelRequested());
    node.put("error", task.error());
    node.set("result", task.result() == null ? null : Json.MAPPER.valueToTree(task.result()));
    node.put("created_at", time(task.createdAt()));
    node.put("started_at", time(task.startedAt()));
    node.put("finished_at", time(task.finishedAt()));
    node.put("run_after", time(task.runAfter()));
    node.set("messages", Json.MAPPER.valueToTree(task.messages()));
    return node;
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static Optional<String> optional(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static int limit(String value) {
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= ListTasksCommand.MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequest(
        "limit: expected an integer from 1 to "
            + ListTasksCommand.MAX_LIMIT
            + ", got '"
            + TextLimits.cut(value, 100)
            + "'",
        "limit");
  }

  private static InvalidRequest invalid(String field, String value, String allowed) {
    return new InvalidRequest(
        field + ": unknown value '" + value + "'; use one of " + allowed, field);
  }

  private static String names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
  }
}
