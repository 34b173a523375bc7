package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.access.Caller;
import dev.lectern.application.port.in.dataset.ListDatasetsUseCase;
import dev.lectern.application.port.in.document.ParseDocumentsUseCase;
import dev.lectern.application.port.in.document.StopParsingUseCase;
import dev.lectern.domain.artifact.ArtifactId;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** RAGFlow's {@code POST} and {@code DELETE /datasets/{id}/chunks}: start and stop parsing. */
final class RagflowParsingHandlers {
  private final ParseDocumentsUseCase parse;
  private final StopParsingUseCase stop;
  private final ListDatasetsUseCase datasets;
  private final RagflowAuth auth;
  private final RagflowBodies bodies;

  RagflowParsingHandlers(
      ParseDocumentsUseCase parse,
      StopParsingUseCase stop,
      ListDatasetsUseCase datasets,
      RagflowAuth auth,
      RagflowBodies bodies) {
    this.parse = parse;
    this.stop = stop;
    this.datasets = datasets;
    this.auth = auth;
    this.bodies = bodies;
  }

  /** The requested ids without repeats, and a message per repeat. */
  private record Ids(List<ArtifactId> unique, List<String> duplicates) {}

  void parse(Context ctx) {
    Caller caller = auth.tenant(ctx);
    String dataset = owned(caller, ctx.pathParam("dataset_id"));
    Ids ids = ids(bodies.object(ctx));
    List<ArtifactId> missing =
        parse.parse(caller.org().id(), RagflowDocumentHandlers.datasetId(dataset), ids.unique());
    if (!missing.isEmpty()) {
      List<String> names = missing.stream().map(ArtifactId::value).toList();
      throw RagflowFailure.data(
          "Documents not found: " + Pydantic.repr(Json.MAPPER.valueToTree(names)));
    }
    answer(ctx, ids);
  }

  void stop(Context ctx) {
    Caller caller = auth.tenant(ctx);
    String dataset = owned(caller, ctx.pathParam("dataset_id"));
    Ids ids = ids(bodies.object(ctx));
    try {
      stop.stop(caller.org().id(), RagflowDocumentHandlers.datasetId(dataset), ids.unique());
    } catch (NotFound e) {
      throw RagflowFailure.data("You don't own the document " + e.subject().orElse("") + ".");
    }
    answer(ctx, ids);
  }

  private String owned(Caller caller, String dataset) {
    if (datasets.find(caller.org().id(), RagflowDocumentHandlers.datasetId(dataset)).isEmpty()) {
      throw RagflowFailure.data("You don't own the dataset " + dataset + ".");
    }
    return dataset;
  }

  private static Ids ids(ObjectNode body) {
    JsonNode ids = body.get("document_ids");
    if (ids == null || ids.isNull() || (ids.isArray() && ids.isEmpty())) {
      throw RagflowFailure.data("`document_ids` is required");
    }
    if (!ids.isArray()) {
      throw RagflowFailure.data("`document_ids` should be a list");
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> duplicates = new ArrayList<>();
    for (JsonNode id : ids) {
      if (!seen.add(id.asText())) {
        duplicates.add("Duplicate document ids: " + id.asText());
      }
    }
    List<ArtifactId> unique = new ArrayList<>();
    for (String id : seen) {
      unique.add(new ArtifactId(id.isEmpty() || id.length() > ArtifactId.MAX_LENGTH ? " " : id));
    }
    return new Ids(unique, duplicates);
  }

  private static void answer(Context ctx, Ids ids) {
    if (ids.duplicates().isEmpty()) {
      RagflowReply.ok(ctx);
      return;
    }
    ObjectNode data = Json.object();
    data.put("success_count", ids.unique().size());
    data.set("errors", Json.MAPPER.valueToTree(ids.duplicates()));
    RagflowReply.ok(ctx, data);
  }
}
