package dev.lectern.application.port.in.document;

import dev.lectern.domain.artifact.ArtifactKey;
import java.io.InputStream;
import java.util.Optional;

/** Use case: a document's original bytes, streamed from the store. */
public interface DownloadDocumentUseCase {
  /**
   * A document's name, size and original bytes.
   *
   * @param bytes opens the bytes; the caller closes the stream
   */
  record Download(String name, long size, Bytes bytes) {}

  /** Opens a stored file. */
  @FunctionalInterface
  interface Bytes {
    InputStream open();
  }

  Optional<Download> download(ArtifactKey key);
}
