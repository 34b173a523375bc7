package dev.lectern.application.service.dataset;

import dev.lectern.application.error.Conflict;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.dataset.CreateDatasetUseCase;
import dev.lectern.application.port.in.dataset.DatasetView;
import dev.lectern.application.port.in.dataset.DeleteDatasetsUseCase;
import dev.lectern.application.port.in.dataset.ListDatasetsUseCase;
import dev.lectern.application.port.in.dataset.UpdateDatasetUseCase;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.ChunkIndex;
import dev.lectern.application.port.out.CollectionStore;
import dev.lectern.application.port.out.DocumentStore;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.DocumentEntry;
import dev.lectern.domain.collection.Collection;
import dev.lectern.domain.collection.CollectionId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Service: the catalogue of collections: create, list, update and delete them. */
public final class DatasetService
    implements CreateDatasetUseCase,
        ListDatasetsUseCase,
        UpdateDatasetUseCase,
        DeleteDatasetsUseCase {
  private final CollectionStore collections;
  private final ArtifactStore artifacts;
  private final DocumentStore documents;
  private final ChunkIndex index;

  public DatasetService(
      CollectionStore collections,
      ArtifactStore artifacts,
      DocumentStore documents,
      ChunkIndex index) {
    this.documents = documents;
    this.collections = collections;
    this.artifacts = artifacts;
    this.index = index;
  }

  @Override
  public DatasetView create(Collection candidate) {
    if (collections.find(candidate.orgId(), candidate.id()).isPresent()) {
      throw new Conflict("a collection with id '" + candidate.id() + "' already exists", "id");
    }
    return view(collections.findOrCreate(candidate));
  }

  @Override
  public List<DatasetView> list(String orgId) {
    return collections.list(orgId).stream().map(this::view).toList();
  }

  @Override
  public Optional<DatasetView> find(String orgId, CollectionId id) {
    return collections.find(orgId, id).map(this::view);
  }

  @Override
  public boolean exists(String orgId, CollectionId id) {
    return collections.find(orgId, id).isPresent();
  }

  @Override
  public DatasetView update(Collection changed) {
    Collection current =
        collections.find(changed.orgId(), changed.id()).orElseThrow(() -> notFound(changed.id()));
    DatasetView before = view(current);
    String model = current.profile().embeddingModel();
    if (before.chunkCount() > 0 && !changed.profile().embeddingModel().equals(model)) {
      throw new Conflict(
          "When chunk_num (" + before.chunkCount() + ") > 0, embedding_model must remain " + model,
          "embedding_model");
    }
    if (!collections.update(changed)) {
      throw new Conflict("Dataset name '" + changed.name() + "' already exists", "name");
    }
    return view(changed);
  }

  @Override
  public void delete(String orgId, List<CollectionId> ids) {
    List<CollectionId> doomed = new ArrayList<>();
    if (ids == null) {
      collections.list(orgId).forEach(c -> doomed.add(c.id()));
    } else {
      for (CollectionId id : new LinkedHashSet<>(ids)) {
        collections.find(orgId, id).orElseThrow(() -> notFound(id));
        doomed.add(id);
      }
    }
    // Metadata first: chunks left behind by a crash here are removed by start-up reconciliation.
    for (CollectionId id : doomed) {
      artifacts.removeCollection(orgId, id);
      documents.deleteCollection(orgId, id);
      collections.delete(orgId, id);
      index.deleteCollection(orgId, id);
    }
  }

  private DatasetView view(Collection collection) {
    List<Artifact> held = artifacts.list(collection.orgId(), collection.id());
    long chunks = 0;
    long tokens = 0;
    Set<ArtifactKey> keys = new HashSet<>();
    for (Artifact artifact : held) {
      chunks += artifact.current().chunkCount();
      tokens += artifact.current().tokenCount();
      keys.add(artifact.key());
    }
    for (DocumentEntry entry : documents.list(collection.orgId(), collection.id())) {
      keys.add(entry.key());
    }
    return new DatasetView(collection, keys.size(), chunks, tokens);
  }

  private static NotFound notFound(CollectionId id) {
    return NotFound.of("collection '" + id + "' not found", "collection", id.value());
  }
}
