package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.access.Caller;
import dev.lectern.application.port.in.dataset.CreateDatasetUseCase;
import dev.lectern.application.port.in.dataset.DatasetView;
import dev.lectern.application.port.in.dataset.DeleteDatasetsUseCase;
import dev.lectern.application.port.in.dataset.ListDatasetsUseCase;
import dev.lectern.application.port.in.dataset.UpdateDatasetUseCase;
import dev.lectern.domain.collection.Collection;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.collection.DatasetProfile;
import dev.lectern.domain.collection.Language;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** RAGFlow's dataset endpoints: create, list, update, delete. */
final class RagflowDatasetHandlers {
  private static final String INVALID_UUID1 = "Invalid UUID1 format";

  /** The use cases these handlers call. */
  record UseCases(
      CreateDatasetUseCase create,
      ListDatasetsUseCase list,
      UpdateDatasetUseCase update,
      DeleteDatasetsUseCase delete) {}

  private final UseCases useCases;
  private final RagflowAuth auth;
  private final RagflowBodies bodies;
  private final Clock clock;

  RagflowDatasetHandlers(UseCases useCases, RagflowAuth auth, RagflowBodies bodies, Clock clock) {
    this.useCases = useCases;
    this.auth = auth;
    this.bodies = bodies;
    this.clock = clock;
  }

  void create(Context ctx) {
    Caller caller = auth.tenant(ctx);
    RagflowDatasetRequests.Given given = RagflowDatasetRequests.create(bodies.strictObject(ctx));
    String method = given.chunkMethod() == null ? "naive" : given.chunkMethod();
    DatasetProfile profile =
        new DatasetProfile(
            text(given.description()),
            text(given.avatar()),
            given.embeddingModel() == null
                ? DatasetProfile.DEFAULT_EMBEDDING_MODEL
                : given.embeddingModel(),
            given.permission() == null ? "me" : given.permission(),
            RagflowWire.chunkMethod(method),
            Json.toMap(RagflowParserConfigs.resolve(method, given.parserConfig())),
            0);
    Instant now = clock.instant();
    Collection candidate =
        new Collection(
            caller.org().id(),
            new CollectionId(RagflowIds.next()),
            given.name(),
            given.language() == null ? Language.ENGLISH : given.language(),
            profile.chunkTokens(Collection.DEFAULT_CHUNK_TOKENS),
            now,
            now,
            profile);
    RagflowReply.ok(ctx, RagflowWire.dataset(useCases.create().create(candidate)));
  }

  void list(Context ctx) {
    Caller caller = auth.tenant(ctx);
    String tenant = caller.org().id();
    RagflowListQuery query =
        RagflowListQuery.parse(ctx, Set.of("id", "name", "include_parsing_status"));
    List<DatasetView> all = useCases.list().list(tenant);
    String id = ctx.queryParam("id");
    String name = ctx.queryParam("name");
    if (id != null && all.stream().noneMatch(v -> v.collection().id().value().equals(id))) {
      if (!RagflowIds.isUuid1(id)) {
        throw Pydantic.failure("id", INVALID_UUID1, Json.MAPPER.valueToTree(id));
      }
      throw lacksPermission(tenant, id);
    }
    if (name != null && all.stream().noneMatch(v -> v.collection().name().equalsIgnoreCase(name))) {
      throw lacksPermission(tenant, name);
    }
    List<DatasetView> matching = new ArrayList<>();
    for (DatasetView view : all) {
      if ((id == null || view.collection().id().value().equals(id))
          && (name == null || view.collection().name().equalsIgnoreCase(name))) {
        matching.add(view);
      }
    }
    List<DatasetView> page =
        query.page(
            matching,
            v -> query.byUpdateTime() ? v.collection().updatedAt() : v.collection().createdAt());
    ArrayNode data = Json.MAPPER.createArrayNode();
    page.forEach(view -> data.add(RagflowWire.dataset(view)));
    ObjectNode body = RagflowReply.envelope(data);
    body.put("total_datasets", matching.size());
    Json.respond(ctx, 200, body);
  }

  void update(Context ctx) {
    Caller caller = auth.tenant(ctx);
    String tenant = caller.org().id();
    String id = ctx.pathParam("dataset_id");
    ObjectNode body = bodies.strictObject(ctx);
    Optional<DatasetView> found = find(tenant, id);
    if (found.isEmpty() && !RagflowIds.isUuid1(id)) {
      throw Pydantic.failure("dataset_id", INVALID_UUID1, Json.MAPPER.valueToTree(id));
    }
    RagflowDatasetRequests.Given given = RagflowDatasetRequests.update(body);
    Collection current = found.orElseThrow(() -> lacksPermission(tenant, id)).collection();
    RagflowDatasetRequests.checkModel(given.embeddingModel());
    Collection changed = RagflowDatasetChanges.apply(current, given, body, clock.instant());
    RagflowReply.ok(ctx, RagflowWire.dataset(useCases.update().update(changed)));
  }

  void delete(Context ctx) {
    Caller caller = auth.tenant(ctx);
    String tenant = caller.org().id();
    ObjectNode body = bodies.strictObject(ctx);
    Pydantic errors = new Pydantic();
    new PydanticFields(body, "", errors).forbidExtra(Set.of("ids"));
    if (!body.has("ids")) {
      errors.add("ids", Pydantic.REQUIRED, body);
    }
    errors.throwIfAny();
    JsonNode ids = body.get("ids");
    if (ids.isNull()) {
      useCases.delete().delete(tenant, null);
      RagflowReply.ok(ctx);
      return;
    }
    List<CollectionId> wanted = idList(ids, tenant);
    try {
      useCases.delete().delete(tenant, wanted);
    } catch (NotFound e) {
      List<String> missing = new ArrayList<>();
      for (CollectionId candidate : wanted) {
        if (!exists(tenant, candidate.value())) {
          missing.add(candidate.value());
        }
      }
      throw RagflowErrors.noPermission(
          "User '"
              + tenant
              + "' lacks permission for datasets: '"
              + String.join(", ", missing)
              + "'");
    }
    RagflowReply.ok(ctx);
  }

  private List<CollectionId> idList(JsonNode ids, String tenant) {
    Pydantic errors = new Pydantic();
    if (!ids.isArray()) {
      errors.add("ids", Pydantic.LIST, ids);
      errors.throwIfAny();
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      JsonNode id = ids.get(i);
      if (!id.isTextual()) {
        errors.add("ids." + i, Pydantic.STRING, id);
      } else {
        values.add(id.textValue());
      }
    }
    errors.throwIfAny();
    for (String value : values) {
      if (!RagflowIds.isUuid1(value) && !exists(tenant, value)) {
        throw Pydantic.failure("ids", INVALID_UUID1, ids);
      }
    }
    Set<String> seen = new LinkedHashSet<>();
    Set<String> duplicates = new LinkedHashSet<>();
    for (String value : values) {
      if (!seen.add(value)) {
        duplicates.add(value);
      }
    }
    if (!duplicates.isEmpty()) {
      errors.add("ids", "Duplicate ids: '" + String.join(", ", duplicates) + "'", ids);
      errors.throwIfAny();
    }
    return seen.stream().map(CollectionId::new).toList();
  }

  private Optional<DatasetView> find(String tenant, String id) {
    return useCases.list().find(tenant, RagflowDocumentHandlers.datasetId(id));
  }

  private boolean exists(String tenant, String id) {
    return useCases.list().exists(tenant, RagflowDocumentHandlers.datasetId(id));
  }

  static LecternException lacksPermission(String tenant, String dataset) {
    return RagflowErrors.noPermission(
        "User '" + tenant + "' lacks permission for dataset '" + dataset + "'");
  }

  private static String text(JsonNode value) {
    return value == null || value.isNull() ? null : value.asText();
  }
}
