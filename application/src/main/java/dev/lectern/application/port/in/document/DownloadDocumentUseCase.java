package dev.lectern.application.port.in.document;

import dev.lectern.domain.artifact.ArtifactKey;
import java.util.Optional;

/** Use case: a document's original bytes. */
public interface DownloadDocumentUseCase {
  /** A document's name and original bytes. */
  record Download(String name, byte[] bytes) {}

  Optional<Download> download(ArtifactKey key);
}
