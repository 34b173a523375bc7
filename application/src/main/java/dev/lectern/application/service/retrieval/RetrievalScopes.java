package dev.lectern.application.service.retrieval;

import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.retrieval.RetrieveChunksCommand;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.ChunkQuery;
import dev.lectern.application.port.out.DocumentStore;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.DocumentEntry;
import dev.lectern.domain.collection.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Policy: which artifacts of the searched collections a retrieval may return chunks of. */
final class RetrievalScopes {
  private final ArtifactStore artifacts;
  private final DocumentStore documents;

  RetrievalScopes(ArtifactStore artifacts, DocumentStore documents) {
    this.artifacts = artifacts;
    this.documents = documents;
  }

  /** One scope per collection, or empty when the filters leave no artifact at all. */
  Optional<List<ChunkQuery.Scope>> of(RetrieveChunksCommand command, List<Collection> searched) {
    Map<Collection, List<Artifact>> chosen = new LinkedHashMap<>();
    if (command.artifactIds() != null) {
      for (Collection collection : searched) {
        chosen.put(collection, new ArrayList<>());
      }
      for (ArtifactId id : new LinkedHashSet<>(command.artifactIds())) {
        Artifact artifact = findIn(command.orgId(), searched, id);
        chosen.get(collectionOf(searched, artifact)).add(artifact);
      }
    } else if (!command.filter().isEmpty()) {
      for (Collection collection : searched) {
        chosen.put(collection, artifacts.list(collection.orgId(), collection.id()));
      }
    }
    List<ChunkQuery.Scope> scopes = new ArrayList<>();
    for (Collection collection : searched) {
      List<Artifact> candidates = chosen.get(collection);
      if (candidates == null) {
        scopes.add(new ChunkQuery.Scope(collection.id(), collection.language(), null));
        continue;
      }
      Set<ArtifactId> ids = new LinkedHashSet<>();
      Map<ArtifactKey, Map<String, Object>> metaFields = new HashMap<>();
      if (!command.filter().isEmpty()) {
        for (DocumentEntry entry : documents.list(collection.orgId(), collection.id())) {
          metaFields.put(entry.key(), entry.metaFields());
        }
      }
      for (Artifact artifact : candidates) {
        // An uploaded document is filtered on its metadata fields, an ingested one on its metadata.
        Map<String, Object> metadata =
            metaFields.getOrDefault(artifact.key(), artifact.current().metadata());
        if (artifact.populated() && command.filter().matches(metadata)) {
          ids.add(artifact.key().artifactId());
        }
      }
      if (!ids.isEmpty()) {
        scopes.add(new ChunkQuery.Scope(collection.id(), collection.language(), ids));
      }
    }
    return scopes.isEmpty() ? Optional.empty() : Optional.of(scopes);
  }

  private Artifact findIn(String orgId, List<Collection> searched, ArtifactId id) {
    for (Collection collection : searched) {
      Optional<Artifact> found = artifacts.find(new ArtifactKey(orgId, collection.id(), id));
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw NotFound.of(
        "artifact '" + id + "' not found in the searched collections", "artifact", id.value());
  }

  private static Collection collectionOf(List<Collection> searched, Artifact artifact) {
    for (Collection collection : searched) {
      if (collection.id().equals(artifact.key().collectionId())) {
        return collection;
      }
    }
    throw new IllegalStateException("artifact outside the searched collections");
  }
}
