package dev.lectern.application.port.in.document;

import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.collection.CollectionId;
import java.util.List;

/**
 * Use case: store files as unparsed documents of a collection. A name the collection already has
 * becomes {@code stem(1).ext}. Every file's type is checked before any is stored.
 */
public interface UploadDocumentsUseCase {
  /** One file to upload, with the id its document gets. */
  record Upload(ArtifactId id, String name, byte[] bytes) {}

  List<DocumentView> upload(String orgId, CollectionId collectionId, List<Upload> files);
}
