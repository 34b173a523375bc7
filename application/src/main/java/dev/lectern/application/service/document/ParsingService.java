package dev.lectern.application.service.document;

import dev.lectern.application.error.Conflict;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.error.Reason;
import dev.lectern.application.port.in.artifact.DeleteArtifactUseCase;
import dev.lectern.application.port.in.document.DocumentView;
import dev.lectern.application.port.in.document.ParseDocumentsUseCase;
import dev.lectern.application.port.in.document.StopParsingUseCase;
import dev.lectern.application.port.in.task.CancelTaskUseCase;
import dev.lectern.application.port.out.DocumentStore;
import dev.lectern.application.service.artifact.ArtifactTaskGuard;
import dev.lectern.application.service.artifact.ParseDocumentTaskHandler;
import dev.lectern.application.service.task.TaskSubmitter;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.ArtifactStatus;
import dev.lectern.domain.artifact.DocumentEntry;
import dev.lectern.domain.artifact.ParseNote;
import dev.lectern.domain.artifact.ParseState;
import dev.lectern.domain.collection.Collection;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.task.TaskId;
import dev.lectern.domain.task.TaskKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Service: starts and stops the background parsing of documents. */
public final class ParsingService implements ParseDocumentsUseCase, StopParsingUseCase {

  private final DocumentStore documents;
  private final DocumentCatalogue catalogue;
  private final DeleteArtifactUseCase deleteArtifact;
  private final TaskSubmitter submitter;
  private final CancelTaskUseCase cancel;
  private final ArtifactTaskGuard guard;
  private final Clock clock;

  public ParsingService(
      DocumentStore documents,
      DocumentCatalogue catalogue,
      DeleteArtifactUseCase deleteArtifact,
      TaskSubmitter submitter,
      CancelTaskUseCase cancel,
      ArtifactTaskGuard guard,
      Clock clock) {
    this.documents = documents;
    this.catalogue = catalogue;
    this.deleteArtifact = deleteArtifact;
    this.submitter = submitter;
    this.cancel = cancel;
    this.guard = guard;
    this.clock = clock;
  }

  private static final String BUSY = "the document is being parsed already";

  /** Refusal: the document is being parsed already. */
  private static LecternException busy() {
    return new Conflict(BUSY, "document_ids").because(Reason.BUSY);
  }

  @Override
  public List<ArtifactId> parse(String orgId, CollectionId collectionId, List<ArtifactId> ids) {
    Collection collection = collection(orgId, collectionId);
    List<ArtifactId> missing = new ArrayList<>();
    for (ArtifactId id : new LinkedHashSet<>(ids)) {
      ArtifactKey key = new ArtifactKey(orgId, collectionId, id);
      DocumentView view = catalogue.find(key, collection).orElse(null);
      if (view == null) {
        missing.add(id);
        continue;
      }
      double progress = view.entry().parse().progress();
      if (progress > 0 && progress < 1) {
        throw busy();
      }
      try {
        guard.requireIdle(key);
      } catch (Conflict e) {
        throw busy();
      }
      queue(key, view);
    }
    return missing;
  }

  private void queue(ArtifactKey key, DocumentView view) {
    if (view.artifact() != null) {
      deleteArtifact.delete(key);
    }
    Instant now = clock.instant();
    DocumentEntry before = view.entry();
    DocumentEntry queued = before.withParse(ParseState.queued(ParseNote.queued().line(), now), now);
    catalogue.store(queued);
    TaskId task;
    try {
      task =
          submitter.submit(
              key.orgId(),
              TaskKind.DOCUMENT_PARSE,
              ArtifactTaskGuard.subject(key),
              ParseDocumentTaskHandler.payload(key),
              BUSY,
              "document_ids");
    } catch (LecternException e) {
      catalogue.store(before.withParse(ParseState.UNSTARTED, clock.instant()));
      throw e instanceof Conflict ? busy() : e;
    }
    documents
        .find(key)
        .filter(entry -> entry.parse().taskId() == null)
        .ifPresent(
            entry ->
                documents.update(
                    entry.withParse(entry.parse().withTaskId(task.value()), entry.updatedAt())));
  }

  @Override
  public void stop(String orgId, CollectionId collectionId, List<ArtifactId> ids) {
    Collection collection = collection(orgId, collectionId);
    for (ArtifactId id : new LinkedHashSet<>(ids)) {
      ArtifactKey key = new ArtifactKey(orgId, collectionId, id);
      DocumentView view =
          catalogue
              .find(key, collection)
              .orElseThrow(
                  () -> NotFound.of("document '" + id + "' not found", "document", id.value()));
      ParseState parse = view.entry().parse();
      if (parse.progress() == 0 || parse.progress() == 1) {
        throw new Conflict(
                "a parse that has not begun or has ended cannot be stopped", "document_ids")
            .because(Reason.NOT_STOPPABLE);
      }
      ParseState cancelled =
          parse.then(
              ArtifactStatus.CANCELLED, 0, ParseNote.cancelled().line(), parse.durationSeconds());
      catalogue.store(view.entry().withParse(cancelled, clock.instant()));
      if (parse.taskId() != null) {
        cancel.cancel(orgId, parse.taskId());
      }
    }
  }

  private Collection collection(String orgId, CollectionId id) {
    return catalogue.collection(orgId, id);
  }
}
