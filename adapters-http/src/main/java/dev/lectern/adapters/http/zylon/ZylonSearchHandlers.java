package dev.lectern.adapters.http.zylon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.BearerAuth;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.JsonFields;
import dev.lectern.adapters.http.common.RequestBodies;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.port.in.access.Caller;
import dev.lectern.application.port.in.artifact.ArtifactChunk;
import dev.lectern.application.port.in.artifact.ContextFilter;
import dev.lectern.application.port.in.retrieval.Retrieval;
import dev.lectern.application.port.in.retrieval.RetrieveChunksCommand;
import dev.lectern.application.port.in.retrieval.RetrieveChunksUseCase;
import dev.lectern.domain.artifact.MetadataFilter;
import dev.lectern.domain.text.TextLimits;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Zylon's {@code primitives/search}: the retrieval use case in Zylon's shapes. */
final class ZylonSearchHandlers {
  static final int MAX_LIMIT = 1000;
  private static final Set<String> TYPES =
      Set.of("semantic_search", "keywords_search", "hybrid_search");

  private final RetrieveChunksUseCase retrieve;
  private final BearerAuth auth;
  private final RequestBodies bodies;
  private final ZylonRequests requests;

  ZylonSearchHandlers(
      RetrieveChunksUseCase retrieve,
      BearerAuth auth,
      RequestBodies bodies,
      ZylonRequests requests) {
    this.retrieve = retrieve;
    this.auth = auth;
    this.bodies = bodies;
    this.requests = requests;
  }

  void search(Context ctx) {
    Caller caller = auth.caller(ctx);
    JsonFields body = bodies.json(ctx);
    String type = body.optionalString("type").orElse("semantic_search");
    if (!TYPES.contains(type)) {
      throw new InvalidRequest(
          "type: must be one of 'semantic_search', 'keywords_search', 'hybrid_search', got '"
              + TextLimits.cut(type, 100)
              + "'",
          "type");
    }
    String text = body.requiredString("text");
    if (text.isBlank()) {
      throw new InvalidRequest("text: must not be empty", "text");
    }
    ContextFilter filter = requests.contextFilter(body, caller.org().id());
    int limit = body.optionalInt("limit", 1, MAX_LIMIT).orElse(10);
    double threshold = body.optionalDouble("score_threshold", 0, 1).orElse(0.0);
    body.optionalBoolean("expand");
    Retrieval found =
        retrieve.retrieve(
            new RetrieveChunksCommand(
                filter.orgId(),
                List.of(filter.collectionId()),
                filter.artifactIds(),
                MetadataFilter.all(filter.conditions()),
                text,
                limit,
                threshold,
                1,
                limit,
                false));
    List<ObjectNode> chunks = new ArrayList<>();
    for (Retrieval.RetrievedChunk hit : found.chunks()) {
      ArtifactChunk item = new ArtifactChunk(hit.artifact(), hit.chunk());
      chunks.add(ZylonWire.contextChunk(item, ZylonWire.citationId(hit.chunk().id()), hit.score()));
    }
    Json.respond(ctx, 200, ZylonWire.list(chunks));
  }
}
