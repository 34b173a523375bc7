package dev.lectern.application.service.artifact;

import dev.lectern.application.error.LecternException;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.error.UnsupportedContent;
import dev.lectern.application.port.in.artifact.ArtifactInput;
import dev.lectern.application.port.in.artifact.IngestArtifactCommand;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.BlobStore;
import dev.lectern.application.port.out.DocumentStore;
import dev.lectern.application.service.task.TaskContext;
import dev.lectern.application.service.task.TaskHandler;
import dev.lectern.application.service.task.TaskStopped;
import dev.lectern.domain.artifact.Artifact;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.ArtifactStatus;
import dev.lectern.domain.artifact.DocumentEntry;
import dev.lectern.domain.artifact.ParseNote;
import dev.lectern.domain.task.Task;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a document parse task: reads the uploaded file, chunks it by the document's chunk method,
 * indexes and publishes it, and keeps the document's parse state (RUNNING, then DONE, FAILED or
 * CANCELLED) in step with the task.
 */
public final class ParseDocumentTaskHandler implements TaskHandler {
  private final IngestArtifactService ingest;
  private final DeleteArtifactService delete;
  private final DocumentStore documents;
  private final ArtifactStore artifacts;
  private final BlobStore blobs;
  private final DocumentChunking chunking;
  private final Clock clock;

  public ParseDocumentTaskHandler(
      IngestArtifactService ingest,
      DeleteArtifactService delete,
      DocumentStore documents,
      ArtifactStore artifacts,
      BlobStore blobs,
      DocumentChunking chunking,
      Clock clock) {
    this.ingest = ingest;
    this.delete = delete;
    this.documents = documents;
    this.artifacts = artifacts;
    this.blobs = blobs;
    this.chunking = chunking;
    this.clock = clock;
  }

  /** The payload of a parse task for {@code key}. */
  public static Map<String, Object> payload(ArtifactKey key) {
    return ArtifactTaskPayloads.keyPayload(key);
  }

  @Override
  public Map<String, Object> run(Task task, TaskContext context) {
    ArtifactKey key = ArtifactTaskPayloads.artifactKey(task);
    DocumentEntry entry =
        documents
            .find(key)
            .orElseThrow(
                () -> new NotFound("the document was deleted before it was parsed", "document"));
    Instant began = entry.parse().beganAt() == null ? clock.instant() : entry.parse().beganAt();
    DocumentParseProgress progress =
        new DocumentParseProgress(context, documents, key, clock, began);
    try {
      byte[] bytes =
          blobs
              .get(entry.source())
              .orElseThrow(
                  () ->
                      new UnsupportedContent(
                          "the uploaded file of '" + entry.name() + "' is gone", "document"));
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("file_name", entry.name());
      IngestArtifactCommand command =
          new IngestArtifactCommand(
              key.orgId(),
              key.collectionId(),
              key.artifactId(),
              new ArtifactInput.File(bytes),
              metadata);
      Optional<Artifact> published =
          ingest.run(
              command,
              progress,
              (text, collection) -> chunking.split(text, entry, collection.chunkTokens()),
              entry.enabled());
      if (published.isPresent()) {
        Optional<DocumentEntry> now = documents.find(key);
        if (now.map(e -> e.parse().run() == ArtifactStatus.CANCELLED).orElse(true)) {
          // Parsing was stopped after the chunks were committed: take them back out.
          delete.run(key, IngestProgress.NONE, true);
          return Map.of("chunks", 0);
        }
        keepNewName(key, published.get(), now.get());
      }
      int chunks = published.map(a -> a.current().chunkCount()).orElse(0);
      progress.record(ArtifactStatus.DONE, 1, ParseNote.done(progress.elapsedSeconds()));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("chunks", chunks);
      return result;
    } catch (TaskStopped stopped) {
      if (stopped.reason() == TaskStopped.Reason.CANCELLED) {
        progress.record(ArtifactStatus.CANCELLED, 0, ParseNote.cancelled());
      }
      throw stopped;
    } catch (LecternException e) {
      boolean last = !e.retriable() || task.attempts() >= task.maxAttempts();
      progress.record(
          last ? ArtifactStatus.FAILED : ArtifactStatus.RUNNING,
          last ? -1 : 0,
          ParseNote.failed(e.publicMessage(), last));
      throw e;
    }
  }

  /** A rename while the document was parsed: the new revision takes the new name too. */
  private void keepNewName(ArtifactKey key, Artifact published, DocumentEntry now) {
    if (!now.name().equals(published.current().fileName())) {
      artifacts.renameRevision(key, published.current().version(), now.name());
    }
  }
}
