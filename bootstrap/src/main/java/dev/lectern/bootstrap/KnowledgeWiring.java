package dev.lectern.bootstrap;

import dev.lectern.adapters.documents.FileBlobStore;
import dev.lectern.adapters.documents.FileTypeDocumentParser;
import dev.lectern.adapters.documents.HttpContentFetcher;
import dev.lectern.adapters.lucene.Cl100kChunker;
import dev.lectern.adapters.lucene.LuceneChunkIndex;
import dev.lectern.application.port.in.artifact.ReconcileStorageUseCase;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.service.artifact.ArtifactSelection;
import dev.lectern.application.service.artifact.ArtifactTaskGuard;
import dev.lectern.application.service.artifact.ArtifactTaskService;
import dev.lectern.application.service.artifact.DeleteArtifactService;
import dev.lectern.application.service.artifact.DeleteArtifactTaskHandler;
import dev.lectern.application.service.artifact.DocumentChunking;
import dev.lectern.application.service.artifact.IngestArtifactService;
import dev.lectern.application.service.artifact.IngestArtifactTaskHandler;
import dev.lectern.application.service.artifact.IngestPolicy;
import dev.lectern.application.service.artifact.ParseDocumentTaskHandler;
import dev.lectern.application.service.artifact.PublishedVersionCache;
import dev.lectern.application.service.artifact.ReconcileStorageService;
import dev.lectern.application.service.chunk.ChunkService;
import dev.lectern.application.service.dataset.DatasetService;
import dev.lectern.application.service.document.DocumentCatalogue;
import dev.lectern.application.service.document.DocumentService;
import dev.lectern.application.service.document.ParsingService;
import dev.lectern.application.service.document.UpdateDocumentService;
import dev.lectern.application.service.retrieval.RetrieveChunksService;
import dev.lectern.application.service.task.TaskHandler;
import dev.lectern.domain.task.TaskKind;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring of the knowledge area: collections, artifacts, documents, parsing, chunks and retrieval
 * over the stores, the blob store and the chunk index.
 */
final class KnowledgeWiring {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeWiring.class);

  private static final Duration PUBLISHED_CACHE_AGE = Duration.ofSeconds(30);
  private static final int PUBLISHED_CACHE_SIZE = 200_000;

  final ArtifactStore artifacts;
  final FileBlobStore blobs;
  final LuceneChunkIndex index;
  final Cl100kChunker chunker = new Cl100kChunker();
  final ArtifactSelection selection;
  final ArtifactTaskGuard guard;
  final IngestArtifactService ingest;
  final DeleteArtifactService delete;
  final RetrieveChunksService retrieve;
  final DocumentCatalogue catalogue;
  final DocumentService documents;
  final UpdateDocumentService updateDocument;
  final DatasetService datasets;
  final ChunkService chunks;

  private final MetadataStores stores;
  private final Clock clock;

  private KnowledgeWiring(
      LecternConfig config, MetadataStores stores, LuceneChunkIndex index, Clock clock) {
    this.stores = stores;
    this.index = index;
    this.clock = clock;
    // Every write to artifacts in this process goes through the cache, which forgets what it
    // touches; the age limit bounds staleness from other processes sharing the database.
    artifacts =
        new PublishedVersionCache(stores.artifacts(), PUBLISHED_CACHE_AGE, PUBLISHED_CACHE_SIZE);
    blobs = new FileBlobStore(config.storage().resolve("blobs"));
    selection = new ArtifactSelection(stores.collections(), artifacts);
    guard = new ArtifactTaskGuard(stores.tasks());
    LecternConfig.Ingest limits = config.ingest();
    var parser = new FileTypeDocumentParser(limits.parseTimeout());
    ingest =
        new IngestArtifactService(
            stores.collections(),
            artifacts,
            index,
            chunker,
            parser,
            blobs,
            new HttpContentFetcher(
                limits.allowPrivateUris(), limits.maxInputBytes(), limits.fetchTimeout()),
            new IngestPolicy(
                limits.maxInputBytes(), limits.defaultLanguage(), limits.parseTimeout()),
            guard,
            clock);
    delete = new DeleteArtifactService(artifacts, index, guard, stores.documents());
    retrieve =
        new RetrieveChunksService(stores.collections(), artifacts, stores.documents(), index);
    catalogue = new DocumentCatalogue(stores.collections(), stores.documents(), artifacts);
    documents =
        new DocumentService(
            stores.collections(),
            stores.documents(),
            catalogue,
            delete,
            blobs,
            parser,
            limits.maxInputBytes(),
            clock);
    updateDocument = new UpdateDocumentService(catalogue, artifacts, delete, index, guard, clock);
    datasets = new DatasetService(stores.collections(), artifacts, stores.documents(), index);
    chunks = new ChunkService(artifacts, catalogue, index, chunker, guard);
  }

  /**
   * The knowledge area over storage made consistent first: temporary files removed, and what a
   * crash left half-written between the database, the blobs and the index reconciled.
   */
  static KnowledgeWiring open(
      LecternConfig config, MetadataStores stores, LuceneChunkIndex index, Clock clock) {
    KnowledgeWiring knowledge = new KnowledgeWiring(config, stores, index, clock);
    knowledge.blobs.removeTemporaryFiles();
    ReconcileStorageUseCase.Report report =
        new ReconcileStorageService(
                knowledge.artifacts, index, knowledge.blobs, stores.tasks(), stores.documents())
            .reconcile();
    LOG.info("storage reconciled: {}", report);
    return knowledge;
  }

  /** What runs the knowledge area's background tasks. */
  Map<TaskKind, TaskHandler> taskHandlers() {
    return Map.of(
        TaskKind.ARTIFACT_INGEST,
        new IngestArtifactTaskHandler(ingest, artifacts, blobs),
        TaskKind.ARTIFACT_DELETE,
        new DeleteArtifactTaskHandler(delete, artifacts),
        TaskKind.DOCUMENT_PARSE,
        new ParseDocumentTaskHandler(
            ingest,
            delete,
            stores.documents(),
            artifacts,
            blobs,
            new DocumentChunking(chunker),
            clock));
  }

  /** Parsing documents, which queues its work as tasks. */
  ParsingService parsing(TaskWiring tasks) {
    return new ParsingService(
        stores.documents(), catalogue, delete, tasks.submitter(), tasks.admin(), guard, clock);
  }

  /** Asynchronous ingest and delete, as tasks. */
  ArtifactTaskService artifactTasks(TaskWiring tasks) {
    return new ArtifactTaskService(tasks.submitter(), tasks.admin(), guard, artifacts, blobs);
  }
}
