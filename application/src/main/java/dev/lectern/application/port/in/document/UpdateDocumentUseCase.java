package dev.lectern.application.port.in.document;

import dev.lectern.domain.artifact.DocumentEntry;

/**
 * Use case: store a document's new name, metadata, settings or availability. A new chunk method
 * drops the chunks and resets the parse state; disabling hides the chunks from retrieval.
 */
public interface UpdateDocumentUseCase {
  DocumentView update(DocumentEntry changed);
}
