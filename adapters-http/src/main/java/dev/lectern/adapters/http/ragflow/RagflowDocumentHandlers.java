package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.adapters.http.common.Json;
import dev.lectern.adapters.http.common.MultipartErrors;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.error.PayloadTooLarge;
import dev.lectern.application.error.UnsupportedContent;
import dev.lectern.application.port.in.access.Caller;
import dev.lectern.application.port.in.dataset.ListDatasetsUseCase;
import dev.lectern.application.port.in.document.DeleteDocumentsUseCase;
import dev.lectern.application.port.in.document.DocumentView;
import dev.lectern.application.port.in.document.DownloadDocumentUseCase;
import dev.lectern.application.port.in.document.ListDocumentsUseCase;
import dev.lectern.application.port.in.document.UpdateDocumentUseCase;
import dev.lectern.application.port.in.document.UploadDocumentsUseCase;
import dev.lectern.domain.artifact.ArtifactId;
import dev.lectern.domain.artifact.ArtifactKey;
import dev.lectern.domain.artifact.FileNames;
import dev.lectern.domain.collection.CollectionId;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** RAGFlow's document endpoints: upload, list, update, download, delete. */
final class RagflowDocumentHandlers {
  static final int NAME_BYTES = 255;

  /** The use cases these handlers call. */
  record UseCases(
      ListDatasetsUseCase datasets,
      UploadDocumentsUseCase upload,
      ListDocumentsUseCase list,
      UpdateDocumentUseCase update,
      DownloadDocumentUseCase download,
      DeleteDocumentsUseCase delete) {}

  private final UseCases useCases;
  private final RagflowAuth auth;
  private final RagflowBodies bodies;
  private final long maxBodyBytes;

  RagflowDocumentHandlers(
      UseCases useCases, RagflowAuth auth, RagflowBodies bodies, long maxBodyBytes) {
    this.useCases = useCases;
    this.auth = auth;
    this.bodies = bodies;
    this.maxBodyBytes = maxBodyBytes;
  }

  void upload(Context ctx) {
    Caller caller = auth.tenant(ctx);
    String dataset = ctx.pathParam("dataset_id");
    List<UploadedFile> files = uploadedFiles(ctx);
    if (files.isEmpty()) {
      throw RagflowErrors.argument("No file part!");
    }
    List<UploadDocumentsUseCase.Upload> uploads = new ArrayList<>();
    for (UploadedFile file : files) {
      String name = file.filename();
      if (name == null || name.isEmpty()) {
        throw RagflowErrors.argument("No file selected!");
      }
      if (name.getBytes(StandardCharsets.UTF_8).length > NAME_BYTES) {
        throw RagflowErrors.argument("File name must be 255 bytes or less.");
      }
      if (FileNames.hasControlCharacters(name)) {
        throw RagflowErrors.argument("File name must not contain control characters.");
      }
      uploads.add(
          new UploadDocumentsUseCase.Upload(new ArtifactId(RagflowIds.next()), name, read(file)));
    }
    List<DocumentView> stored;
    try {
      stored = useCases.upload().upload(caller.org().id(), datasetId(dataset), uploads);
    } catch (NotFound e) {
      throw RagflowErrors.unreadable(
          "LookupError(\"Can't find the dataset with ID " + dataset + "!\")");
    } catch (UnsupportedContent e) {
      throw RagflowErrors.unprocessable(e.getMessage());
    }
    ArrayNode data = Json.MAPPER.createArrayNode();
    stored.forEach(view -> data.add(RagflowWire.uploadedDocument(view)));
    RagflowReply.ok(ctx, data);
  }

  void list(Context ctx) {
    Caller caller = auth.tenant(ctx);
    String dataset = ctx.pathParam("dataset_id");
    List<DocumentView> all =
        documentsOf(caller, dataset, "You don't own the dataset " + dataset + ". ");
    RagflowDocumentQuery query = RagflowDocumentQuery.parse(ctx);
    String id = ctx.queryParam("id");
    String name = ctx.queryParam("name");
    if (id != null
        && all.stream().noneMatch(v -> v.entry().key().artifactId().value().equals(id))) {
      throw RagflowErrors.data("You don't own the document " + id + ".");
    }
    if (name != null && all.stream().noneMatch(v -> v.entry().name().equals(name))) {
      throw RagflowErrors.data("You don't own the document " + name + ".");
    }
    List<DocumentView> matching = query.filter(all);
    ObjectNode data = Json.object();
    data.put("total", matching.size());
    ArrayNode docs = data.putArray("docs");
    query.page(matching).forEach(view -> docs.add(RagflowWire.document(view)));
    RagflowReply.ok(ctx, data);
  }

  void update(Context ctx) {
    Caller caller = auth.tenant(ctx);
    String dataset = ctx.pathParam("dataset_id");
    requireDataset(caller, dataset, "You don't own the dataset.");
    DocumentView current =
        find(caller, dataset, ctx.pathParam("document_id"))
            .orElseThrow(() -> RagflowErrors.data("The dataset doesn't own the document."));
    ObjectNode body = bodies.object(ctx);
    var changed = RagflowDocumentChanges.apply(current, body);
    RagflowReply.ok(ctx, RagflowWire.document(useCases.update().update(changed)));
  }

  void download(Context ctx) {
    Caller caller = auth.tenant(ctx);
    String dataset = ctx.pathParam("dataset_id");
    String document = ctx.pathParam("document_id");
    requireDataset(caller, dataset, "You do not own the dataset " + dataset + ".");
    var download =
        useCases
            .download()
            .download(key(caller, dataset, document))
            .orElseThrow(
                () -> RagflowErrors.data("The dataset not own the document " + document + "."));
    if (download.size() == 0) {
      throw RagflowErrors.data("This file is empty.");
    }
    ctx.status(200)
        .contentType("application/octet-stream")
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + download.name().replaceAll("[\"\\p{Cntrl}]", "") + "\"")
        .result(download.bytes().open());
  }

  void delete(Context ctx) {
    Caller caller = auth.tenant(ctx);
    String dataset = ctx.pathParam("dataset_id");
    requireDataset(caller, dataset, "You don't own the dataset " + dataset + ". ");
    RagflowIdList ids = RagflowIdList.of(bodies.object(ctx).get("ids"), "ids", "document");
    List<ArtifactId> wanted = ids.isEmpty() ? null : artifactIds(ids.unique());
    List<ArtifactId> missing =
        useCases.delete().delete(caller.org().id(), datasetId(dataset), wanted);
    if (!missing.isEmpty()) {
      throw RagflowIdList.documentsNotFound(missing.stream().map(ArtifactId::value).toList());
    }
    ids.answer(ctx, ids.unique().size());
  }

  /** Ids as artifact ids; an id no artifact can have matches none. */
  static List<ArtifactId> artifactIds(List<String> ids) {
    List<ArtifactId> artifactIds = new ArrayList<>();
    for (String id : ids) {
      artifactIds.add(documentId(id));
    }
    return artifactIds;
  }

  private List<DocumentView> documentsOf(Caller caller, String dataset, String notOwned) {
    try {
      return useCases.list().list(caller.org().id(), datasetId(dataset));
    } catch (NotFound e) {
      throw RagflowErrors.data(notOwned);
    }
  }

  private void requireDataset(Caller caller, String dataset, String notOwned) {
    if (!useCases.datasets().exists(caller.org().id(), datasetId(dataset))) {
      throw RagflowErrors.data(notOwned);
    }
  }

  private Optional<DocumentView> find(Caller caller, String dataset, String document) {
    return useCases.list().find(key(caller, dataset, document));
  }

  private static ArtifactKey key(Caller caller, String dataset, String document) {
    return new ArtifactKey(caller.org().id(), datasetId(dataset), documentId(document));
  }

  /** A document id as an artifact id; an id no artifact can have matches none. */
  static ArtifactId documentId(String document) {
    return new ArtifactId(
        document.isEmpty() || document.length() > ArtifactId.MAX_LENGTH ? " " : document);
  }

  /** A path's dataset id as a collection id; ids no collection can have match nothing. */
  static CollectionId datasetId(String dataset) {
    return new CollectionId(
        dataset.isEmpty() || dataset.length() > CollectionId.MAX_LENGTH ? " " : dataset);
  }

  /**
   * The uploaded files; a body that is not multipart has none. The container throws its checked
   * exception undeclared when the body cannot be split into parts.
   */
  private List<UploadedFile> uploadedFiles(Context ctx) {
    if (!ctx.isMultipartFormData()) {
      return List.of();
    }
    try {
      return ctx.uploadedFiles("file");
    } catch (Exception e) {
      LecternException refused = MultipartErrors.describe(e, maxBodyBytes);
      if (!(refused instanceof PayloadTooLarge)) {
        // The client may still be sending: it reads the refusal only once its body is taken.
        MultipartErrors.drain(ctx, maxBodyBytes);
      }
      throw refused;
    }
  }

  private static byte[] read(UploadedFile file) {
    try (InputStream in = file.content()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw RagflowErrors.argument("the upload of " + file.filename() + " could not be read");
    }
  }
}
