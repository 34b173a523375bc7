package dev.lectern.adapters.http.zylon;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.lectern.adapters.http.common.BearerAuth;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.JsonFields;
import dev.lectern.adapters.http.common.JsonStream;
import dev.lectern.adapters.http.common.RequestBodies;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.port.in.access.Caller;
import dev.lectern.application.port.in.artifact.DeleteArtifactUseCase;
import dev.lectern.application.port.in.artifact.IngestArtifactUseCase;
import dev.lectern.application.port.in.artifact.IngestedDocument;
import dev.lectern.application.port.in.artifact.ListArtifactsUseCase;
import dev.lectern.application.port.in.artifact.ReadArtifactTaskUseCase;
import dev.lectern.application.port.in.artifact.ReadChunkedContentCommand;
import dev.lectern.application.port.in.artifact.ReadChunkedContentUseCase;
import dev.lectern.application.port.in.artifact.ReadContentUseCase;
import dev.lectern.application.port.in.artifact.SubmitDeleteTaskUseCase;
import dev.lectern.application.port.in.artifact.SubmitIngestTaskUseCase;
import dev.lectern.application.port.in.retrieval.RetrieveChunksUseCase;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.task.TaskKind;
import dev.lectern.domain.text.TextLimits;
import io.javalin.http.Context;

/** Zylon's artifact endpoints: translate, call the use case, translate back. */
public final class ZylonArtifactHandlers {
  /** The use cases these handlers call. */
  public record UseCases(
      IngestArtifactUseCase ingest,
      ListArtifactsUseCase list,
      ReadContentUseCase content,
      ReadChunkedContentUseCase chunkedContent,
      DeleteArtifactUseCase delete,
      SubmitIngestTaskUseCase submitIngest,
      SubmitDeleteTaskUseCase submitDelete,
      ReadArtifactTaskUseCase readTask,
      RetrieveChunksUseCase retrieve) {}

  private final UseCases useCases;
  private final BearerAuth auth;
  private final RequestBodies bodies;
  private final ZylonRequests requests;

  ZylonArtifactHandlers(
      UseCases useCases, BearerAuth auth, RequestBodies bodies, ZylonRequests requests) {
    this.useCases = useCases;
    this.auth = auth;
    this.bodies = bodies;
    this.requests = requests;
  }

  void ingest(Context ctx) {
    Caller caller = auth.caller(ctx);
    JsonFields body = bodies.json(ctx);
    var documents =
        useCases
            .ingest()
            .ingest(requests.ingest(body, caller.org().id()))
            .map(artifact -> ZylonWire.ingestedDocument(IngestedDocument.of(artifact)))
            .stream()
            .toList();
    Json.respond(ctx, 200, ZylonWire.list(documents));
  }

  void list(Context ctx) {
    Caller caller = auth.caller(ctx);
    String collection = ctx.queryParam("collection");
    if (collection == null || collection.isEmpty() || collection.length() > 255) {
      throw new InvalidRequest(
          "collection: query parameter required (1-255 characters)", "collection");
    }
    Iterable<Artifact> artifacts =
        useCases.list().list(caller.org().id(), new CollectionId(collection));
    JsonStream.respond(
        ctx,
        200,
        json ->
            ZylonWire.writeList(
                json,
                () ->
                    java.util.stream.StreamSupport.stream(artifacts.spliterator(), false)
                        .map(ZylonWire::listedDocument)
                        .iterator()));
  }

  void content(Context ctx) {
    Caller caller = auth.caller(ctx);
    JsonFields body = bodies.json(ctx);
    String format = body.optionalString("format").orElse("markdown");
    if (!format.equals("markdown")) {
      throw new InvalidRequest(
          "format: only 'markdown' is supported, got '" + TextLimits.cut(format, 100) + "'",
          "format");
    }
    var contents = useCases.content().read(requests.contextFilter(body, caller.org().id()));
    JsonStream.respond(ctx, 200, json -> ZylonWire.writeContent(json, contents));
  }

  void chunkedContent(Context ctx) {
    Caller caller = auth.caller(ctx);
    JsonFields body = bodies.json(ctx);
    int maxTokens =
        body.optionalInt("max_tokens", 1, ReadChunkedContentCommand.LIMIT)
            .orElse(ReadChunkedContentCommand.DEFAULT_MAX_TOKENS);
    var command =
        new ReadChunkedContentCommand(requests.contextFilter(body, caller.org().id()), maxTokens);
    var chunks = useCases.chunkedContent().read(command);
    JsonStream.respond(ctx, 200, json -> ZylonWire.writeChunkedContent(json, chunks));
  }

  void delete(Context ctx) {
    Caller caller = auth.caller(ctx);
    JsonFields body = bodies.json(ctx);
    useCases.delete().delete(requests.delete(body, caller.org().id()));
    Json.respond(ctx, 200, NullNode.getInstance());
  }

  void ingestAsync(Context ctx) {
    Caller caller = auth.caller(ctx);
    JsonFields body = bodies.json(ctx);
    refuseCallback(body);
    var command = requests.ingest(body.requiredObject("ingest_body"), caller.org().id());
    Json.respond(ctx, 200, ZylonWire.taskId(useCases.submitIngest().submit(command)));
  }

  void deleteAsync(Context ctx) {
    Caller caller = auth.caller(ctx);
    JsonFields body = bodies.json(ctx);
    refuseCallback(body);
    var key = requests.delete(body.requiredObject("delete_body"), caller.org().id());
    Json.respond(ctx, 200, ZylonWire.taskId(useCases.submitDelete().submit(key)));
  }

  void ingestTask(Context ctx) {
    task(ctx, TaskKind.ARTIFACT_INGEST, "ingest");
  }

  void deleteTask(Context ctx) {
    task(ctx, TaskKind.ARTIFACT_DELETE, "delete");
  }

  private void task(Context ctx, TaskKind kind, String operation) {
    Caller caller = auth.caller(ctx);
    var task = useCases.readTask().read(caller.org().id(), ctx.pathParam("task_id"), kind);
    Json.respond(ctx, 200, ZylonWire.task(task, operation));
  }

  /** Lectern reports through polling only; a callback it could not deliver is refused. */
  private static void refuseCallback(JsonFields body) {
    var callback = body.raw("callback");
    if (callback != null && !callback.isNull()) {
      throw new InvalidRequest(
          "callback: AMQP callbacks are not supported; poll the task status instead", "callback");
    }
  }
}
