package dev.lectern.application.service.document;

import dev.lectern.application.port.in.artifact.DeleteArtifactUseCase;
import dev.lectern.application.port.in.document.DocumentView;
import dev.lectern.application.port.in.document.UpdateDocumentUseCase;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.ChunkIndex;
import dev.lectern.application.service.artifact.ArtifactTaskGuard;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.DocumentEntry;
import dev.lectern.domain.artifact.ParseState;
import dev.lectern.domain.chunk.Chunk;
import dev.lectern.domain.collection.Collection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Service: stores a document's new entry. A new chunk method drops what parsing produced and resets
 * the parse state; enabling or disabling switches the availability of all its chunks; a new name is
 * also the file name of its published revision, so every dialect shows it at once.
 */
public final class UpdateDocumentService implements UpdateDocumentUseCase {
  private final DocumentCatalogue catalogue;
  private final ArtifactStore artifacts;
  private final DeleteArtifactUseCase deleteArtifact;
  private final ChunkIndex index;
  private final ArtifactTaskGuard guard;
  private final Clock clock;

  public UpdateDocumentService(
      DocumentCatalogue catalogue,
      ArtifactStore artifacts,
      DeleteArtifactUseCase deleteArtifact,
      ChunkIndex index,
      ArtifactTaskGuard guard,
      Clock clock) {
    this.catalogue = catalogue;
    this.artifacts = artifacts;
    this.deleteArtifact = deleteArtifact;
    this.index = index;
    this.guard = guard;
    this.clock = clock;
  }

  @Override
  public DocumentView update(DocumentEntry changed) {
    ArtifactKey key = changed.key();
    Collection collection = catalogue.collection(key.orgId(), key.collectionId());
    DocumentView current = catalogue.require(key);
    DocumentEntry next = changed.withParse(changed.parse(), clock.instant());
    boolean reset = !changed.chunkMethod().equals(current.entry().chunkMethod());
    if (reset || changed.enabled() != current.entry().enabled()) {
      guard.requireIdle(key);
    }
    if (reset) {
      if (current.artifact() != null) {
        deleteArtifact.delete(key);
      }
      next = next.withParse(ParseState.UNSTARTED, clock.instant());
    }
    catalogue.store(next);
    if (!reset) {
      // Read again after storing: a parse that published meanwhile checks the stored name itself.
      artifacts
          .find(key)
          .filter(a -> a.current() != null && !changed.name().equals(a.current().fileName()))
          .ifPresent(a -> artifacts.renameRevision(key, a.current().version(), changed.name()));
    }
    if (!reset && current.artifact() != null && changed.enabled() != current.entry().enabled()) {
      List<Chunk> switched = new ArrayList<>();
      for (Chunk chunk : index.chunksOf(key)) {
        switched.add(chunk.withAvailable(changed.enabled()));
      }
      index.replace(key, current.artifact().current().version(), switched, collection.language());
    }
    return catalogue.find(key, collection).orElseThrow();
  }
}
