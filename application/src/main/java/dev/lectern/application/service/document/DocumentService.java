package dev.lectern.application.service.document;

import dev.lectern.application.error.Conflict;
import dev.lectern.application.error.PayloadTooLarge;
import dev.lectern.application.error.Unavailable;
import dev.lectern.application.error.UnsupportedContent;
import dev.lectern.application.port.in.artifact.DeleteArtifactUseCase;
import dev.lectern.application.port.in.document.DeleteDocumentsUseCase;
import dev.lectern.application.port.in.document.DocumentView;
import dev.lectern.application.port.in.document.DownloadDocumentUseCase;
import dev.lectern.application.port.in.document.ListDocumentsUseCase;
import dev.lectern.application.port.in.document.UploadDocumentsUseCase;
import dev.lectern.application.port.out.BlobStore;
import dev.lectern.application.port.out.CollectionStore;
import dev.lectern.application.port.out.DocumentParser;
import dev.lectern.application.port.out.DocumentStore;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.ContentHash;
import dev.lectern.domain.artifact.DocumentEntry;
import dev.lectern.domain.artifact.ParseState;
import dev.lectern.domain.collection.Collection;
import dev.lectern.domain.collection.CollectionId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Service: upload, list, download and delete a collection's documents. */
public final class DocumentService
    implements UploadDocumentsUseCase,
        ListDocumentsUseCase,
        DownloadDocumentUseCase,
        DeleteDocumentsUseCase {
  private final CollectionStore collections;
  private final DocumentStore documents;
  private final DocumentCatalogue catalogue;
  private final DeleteArtifactUseCase deleteArtifact;
  private final BlobStore blobs;
  private final DocumentParser parser;
  private final long maxBytes;
  private final Clock clock;

  public DocumentService(
      CollectionStore collections,
      DocumentStore documents,
      DocumentCatalogue catalogue,
      DeleteArtifactUseCase deleteArtifact,
      BlobStore blobs,
      DocumentParser parser,
      long maxBytes,
      Clock clock) {
    this.collections = collections;
    this.documents = documents;
    this.catalogue = catalogue;
    this.deleteArtifact = deleteArtifact;
    this.blobs = blobs;
    this.parser = parser;
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  @Override
  public List<DocumentView> upload(String orgId, CollectionId collectionId, List<Upload> files) {
    Collection collection = catalogue.collection(orgId, collectionId);
    for (Upload file : files) {
      if (!parser.supports(file.name())) {
        throw new UnsupportedContent(
            file.name() + ": This type of file has not been supported yet!", "file");
      }
      if (file.bytes().length > maxBytes) {
        throw new PayloadTooLarge(
            file.name() + ": larger than the limit of " + maxBytes + " bytes", "file");
      }
    }
    Set<String> taken = catalogue.names(collection);
    List<DocumentView> uploaded = new ArrayList<>();
    for (Upload file : files) {
      ContentHash source = blobs.put(file.bytes());
      Instant now = clock.instant();
      ArtifactKey key = new ArtifactKey(orgId, collectionId, file.id());
      DocumentEntry entry;
      do {
        String name = DocumentNames.free(file.name(), taken);
        taken.add(name);
        entry =
            new DocumentEntry(
                key,
                name,
                source,
                file.bytes().length,
                collection.profile().chunkMethod(),
                collection.profile().parserConfig(),
                Map.of(),
                true,
                ParseState.UNSTARTED,
                now,
                now);
      } while (!documents.insert(entry));
      uploaded.add(new DocumentView(entry, null));
    }
    return uploaded;
  }

  @Override
  public List<DocumentView> list(String orgId, CollectionId collectionId) {
    return catalogue.list(catalogue.collection(orgId, collectionId));
  }

  @Override
  public Optional<DocumentView> find(ArtifactKey key) {
    return collections
        .find(key.orgId(), key.collectionId())
        .flatMap(collection -> catalogue.find(key, collection));
  }

  @Override
  public Optional<Download> download(ArtifactKey key) {
    return find(key)
        .map(
            view ->
                new Download(
                    view.entry().name(),
                    view.entry().sizeBytes(),
                    () ->
                        blobs
                            .open(view.entry().source())
                            .orElseThrow(
                                () ->
                                    new Unavailable(
                                        "the uploaded file of document '"
                                            + view.entry().key().artifactId()
                                            + "' is missing from the blob store"))));
  }

  @Override
  public List<ArtifactId> delete(String orgId, CollectionId collectionId, List<ArtifactId> ids) {
    Collection collection = catalogue.collection(orgId, collectionId);
    List<ArtifactId> missing = new ArrayList<>();
    List<DocumentView> doomed = new ArrayList<>();
    if (ids == null) {
      doomed.addAll(catalogue.list(collection));
    } else {
      for (ArtifactId id : new LinkedHashSet<>(ids)) {
        catalogue
            .find(new ArtifactKey(orgId, collectionId, id), collection)
            .ifPresentOrElse(doomed::add, () -> missing.add(id));
      }
    }
    for (DocumentView view : doomed) {
      if (view.artifact() != null) {
        deleteArtifact.delete(view.entry().key());
      }
      documents.delete(view.entry().key());
    }
    return missing;
  }

  static Conflict duplicateName() {
    return new Conflict("Duplicated document name in the same dataset.", "name");
  }
}
