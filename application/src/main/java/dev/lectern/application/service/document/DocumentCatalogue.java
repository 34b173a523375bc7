package dev.lectern.application.service.document;

import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.document.DocumentView;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.CollectionStore;
import dev.lectern.application.port.out.DocumentStore;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.ArtifactStatus;
import dev.lectern.domain.artifact.DocumentEntry;
import dev.lectern.domain.artifact.ParseState;
import dev.lectern.domain.artifact.Revision;
import dev.lectern.domain.collection.Collection;
import dev.lectern.domain.collection.CollectionId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Policy: the documents of a collection are its uploaded entries plus its published artifacts that
 * have none (ingested through another dialect), which appear as parsed documents.
 */
public final class DocumentCatalogue {
  private final CollectionStore collections;
  private final DocumentStore documents;
  private final ArtifactStore artifacts;

  public DocumentCatalogue(
      CollectionStore collections, DocumentStore documents, ArtifactStore artifacts) {
    this.collections = collections;
    this.documents = documents;
    this.artifacts = artifacts;
  }

  /** The collection, or {@link NotFound} with its id as subject. */
  public Collection collection(String orgId, CollectionId id) {
    return collections
        .find(orgId, id)
        .orElseThrow(
            () -> NotFound.of("collection '" + id + "' not found", "collection", id.value()));
  }

  /** The document, or {@link NotFound} (field collection or document, the id as subject). */
  public DocumentView require(ArtifactKey key) {
    return find(key, collection(key.orgId(), key.collectionId()))
        .orElseThrow(
            () ->
                NotFound.of(
                    "document '" + key.artifactId() + "' not found",
                    "document",
                    key.artifactId().value()));
  }

  public List<DocumentView> list(Collection collection) {
    Map<ArtifactKey, Artifact> published = new LinkedHashMap<>();
    for (Artifact artifact : artifacts.list(collection.orgId(), collection.id())) {
      published.put(artifact.key(), artifact);
    }
    List<DocumentView> views = new ArrayList<>();
    for (DocumentEntry entry : documents.list(collection.orgId(), collection.id())) {
      views.add(new DocumentView(entry, published.remove(entry.key())));
    }
    for (Artifact artifact : published.values()) {
      views.add(new DocumentView(synthesise(artifact, collection), artifact));
    }
    views.sort(Comparator.comparing(v -> v.entry().createdAt()));
    return views;
  }

  public Optional<DocumentView> find(ArtifactKey key, Collection collection) {
    Optional<Artifact> artifact = artifacts.find(key).filter(Artifact::populated);
    Optional<DocumentEntry> entry = documents.find(key);
    if (entry.isPresent()) {
      return Optional.of(new DocumentView(entry.get(), artifact.orElse(null)));
    }
    return artifact.map(a -> new DocumentView(synthesise(a, collection), a));
  }

  /**
   * Stores an entry, new or not.
   *
   * @throws dev.lectern.application.error.Conflict when another document of the collection has its
   *     name
   */
  public void store(DocumentEntry entry) {
    boolean stored =
        documents.find(entry.key()).isPresent() ? documents.update(entry) : documents.insert(entry);
    if (!stored) {
      throw DocumentService.duplicateName();
    }
  }

  /** Every name the collection's documents use. */
  public Set<String> names(Collection collection) {
    Set<String> names = new HashSet<>();
    list(collection).forEach(view -> names.add(view.entry().name()));
    return names;
  }

  /** The entry an artifact ingested without one shows as: parsed, named after its file. */
  static DocumentEntry synthesise(Artifact artifact, Collection collection) {
    Revision current = artifact.current();
    Map<String, Object> meta = new LinkedHashMap<>(current.metadata());
    meta.remove("file_name");
    ParseState done = new ParseState(ArtifactStatus.DONE, 1, "", null, 0, null);
    return new DocumentEntry(
        artifact.key(),
        current.fileName(),
        current.contentHash(),
        current.sizeBytes(),
        collection.profile().chunkMethod(),
        collection.profile().parserConfig(),
        meta,
        true,
        done,
        artifact.createdAt(),
        artifact.updatedAt());
  }
}
