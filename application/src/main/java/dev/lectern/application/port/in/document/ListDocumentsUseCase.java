package dev.lectern.application.port.in.document;

import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.collection.CollectionId;
import java.util.List;
import java.util.Optional;

/** Use case: a collection's documents, uploaded or ingested, oldest first; or one of them. */
public interface ListDocumentsUseCase {
  List<DocumentView> list(String orgId, CollectionId collectionId);

  Optional<DocumentView> find(ArtifactKey key);
}
