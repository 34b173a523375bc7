package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.access.Caller;
import dev.lectern.application.port.in.dataset.ListDatasetsUseCase;
import dev.lectern.application.port.in.document.ParseDocumentsUseCase;
import dev.lectern.application.port.in.document.StopParsingUseCase;
import dev.lectern.domain.artifact.ArtifactId;
import io.javalin.http.Context;
import java.util.List;

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

  void parse(Context ctx) {
    Caller caller = auth.tenant(ctx);
    String dataset = owned(caller, ctx.pathParam("dataset_id"));
    RagflowIdList ids = ids(bodies.object(ctx));
    List<ArtifactId> missing =
        parse.parse(
            caller.org().id(),
            RagflowDocumentHandlers.datasetId(dataset),
            RagflowDocumentHandlers.artifactIds(ids.unique()));
    if (!missing.isEmpty()) {
      throw RagflowIdList.documentsNotFound(missing.stream().map(ArtifactId::value).toList());
    }
    ids.answer(ctx, ids.unique().size());
  }

  void stop(Context ctx) {
    Caller caller = auth.tenant(ctx);
    String dataset = owned(caller, ctx.pathParam("dataset_id"));
    RagflowIdList ids = ids(bodies.object(ctx));
    try {
      stop.stop(
          caller.org().id(),
          RagflowDocumentHandlers.datasetId(dataset),
          RagflowDocumentHandlers.artifactIds(ids.unique()));
    } catch (NotFound e) {
      throw RagflowErrors.data("You don't own the document " + e.subject().orElse("") + ".");
    }
    ids.answer(ctx, ids.unique().size());
  }

  private String owned(Caller caller, String dataset) {
    if (!datasets.exists(caller.org().id(), RagflowDocumentHandlers.datasetId(dataset))) {
      throw RagflowErrors.data("You don't own the dataset " + dataset + ".");
    }
    return dataset;
  }

  private static RagflowIdList ids(ObjectNode body) {
    RagflowIdList ids = RagflowIdList.of(body.get("document_ids"), "document_ids", "document");
    if (ids.isEmpty()) {
      throw RagflowErrors.data("`document_ids` is required");
    }
    return ids;
  }
}
