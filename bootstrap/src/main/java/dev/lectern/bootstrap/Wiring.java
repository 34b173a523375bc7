package dev.lectern.bootstrap;

import dev.lectern.adapters.documents.FileBlobStore;
import dev.lectern.adapters.documents.FileTypeDocumentParser;
import dev.lectern.adapters.documents.HttpContentFetcher;
import dev.lectern.adapters.http.admin.AdminAssistantHandlers;
import dev.lectern.adapters.http.admin.AdminErrorRenderer;
import dev.lectern.adapters.http.admin.AdminRoutes;
import dev.lectern.adapters.http.admin.AdminTaskHandlers;
import dev.lectern.adapters.http.common.BearerAuth;
import dev.lectern.adapters.http.common.ErrorRouting;
import dev.lectern.adapters.http.common.LecternServer;
import dev.lectern.adapters.http.common.RequestBodies;
import dev.lectern.adapters.http.ragflow.RagflowErrorRenderer;
import dev.lectern.adapters.http.ragflow.RagflowParsingWords;
import dev.lectern.adapters.http.ragflow.RagflowRoutes;
import dev.lectern.adapters.http.zylon.ZylonArtifactHandlers;
import dev.lectern.adapters.http.zylon.ZylonErrorRenderer;
import dev.lectern.adapters.http.zylon.ZylonRoutes;
import dev.lectern.adapters.lucene.Cl100kChunker;
import dev.lectern.adapters.lucene.LuceneChunkIndex;
import dev.lectern.application.port.in.artifact.ReconcileStorageUseCase;
import dev.lectern.application.port.out.ArtifactStore;
import dev.lectern.application.port.out.TaskEvents;
import dev.lectern.application.service.access.AuthenticateService;
import dev.lectern.application.service.artifact.ArtifactSelection;
import dev.lectern.application.service.artifact.ArtifactTaskGuard;
import dev.lectern.application.service.artifact.ArtifactTaskService;
import dev.lectern.application.service.artifact.DeleteArtifactService;
import dev.lectern.application.service.artifact.DeleteArtifactTaskHandler;
import dev.lectern.application.service.artifact.DocumentChunking;
import dev.lectern.application.service.artifact.IngestArtifactService;
import dev.lectern.application.service.artifact.IngestArtifactTaskHandler;
import dev.lectern.application.service.artifact.IngestPolicy;
import dev.lectern.application.service.artifact.ListArtifactsService;
import dev.lectern.application.service.artifact.ParseDocumentTaskHandler;
import dev.lectern.application.service.artifact.PublishedVersionCache;
import dev.lectern.application.service.artifact.ReadChunkedContentService;
import dev.lectern.application.service.artifact.ReadContentService;
import dev.lectern.application.service.artifact.ReconcileStorageService;
import dev.lectern.application.service.chunk.ChunkService;
import dev.lectern.application.service.dataset.DatasetService;
import dev.lectern.application.service.document.DocumentCatalogue;
import dev.lectern.application.service.document.DocumentService;
import dev.lectern.application.service.document.ParsingService;
import dev.lectern.application.service.document.UpdateDocumentService;
import dev.lectern.application.service.health.CheckHealthService;
import dev.lectern.application.service.retrieval.RetrieveChunksService;
import dev.lectern.application.service.task.TaskAdminService;
import dev.lectern.application.service.task.TaskEngine;
import dev.lectern.application.service.task.TaskSubmitter;
import dev.lectern.application.service.task.TaskWorkers;
import dev.lectern.domain.task.RetrySchedule;
import dev.lectern.domain.task.TaskKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the running server by hand: adapters, then services, then dialects. */
public final class Wiring implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

  private static final Duration TASK_LEASE = Duration.ofSeconds(30);
  private static final Duration PUBLISHED_CACHE_AGE = Duration.ofSeconds(30);
  private static final int PUBLISHED_CACHE_SIZE = 200_000;
  private static final Duration TASK_HEARTBEAT = Duration.ofSeconds(5);
  private static final Duration TASK_IDLE_POLL = Duration.ofSeconds(1);
  private static final Duration HEALTH_REUSE = Duration.ofSeconds(1);

  private final LecternConfig config;
  private final MetadataStores stores;
  private final LuceneChunkIndex index;
  private final TaskWorkers workers;
  private final LecternServer server;
  private final ChatWiring chat;
  private boolean closed;

  private Wiring(
      LecternConfig config,
      MetadataStores stores,
      LuceneChunkIndex index,
      TaskWorkers workers,
      LecternServer server,
      ChatWiring chat) {
    this.config = config;
    this.chat = chat;
    this.stores = stores;
    this.index = index;
    this.workers = workers;
    this.server = server;
  }

  /** Opens storage, reconciles it, re-queues interrupted tasks, and starts serving. */
  public static Wiring start(LecternConfig config, MetadataStores stores) {
    return start(config, stores, LuceneChunkIndex.open(indexPath(config)));
  }

  /**
   * Opens the chunk index on a background thread, so that start-up can open the database meanwhile;
   * {@link #start(LecternConfig, MetadataStores, LuceneChunkIndex)} takes the result.
   */
  public static CompletableFuture<LuceneChunkIndex> openIndexInBackground(LecternConfig config) {
    CompletableFuture<LuceneChunkIndex> opened = new CompletableFuture<>();
    Thread opener =
        new Thread(
            () -> {
              try {
                opened.complete(LuceneChunkIndex.open(indexPath(config)));
              } catch (Throwable e) {
                opened.completeExceptionally(e);
              }
            },
            "lectern-index-open");
    opener.setDaemon(true);
    opener.start();
    return opened;
  }

  /** As {@link #start(LecternConfig, MetadataStores)}, with the chunk index already open. */
  public static Wiring start(LecternConfig config, MetadataStores stores, LuceneChunkIndex index) {
    Clock clock = Clock.systemUTC();
    // Every write to artifacts in this process goes through the cache, which forgets what it
    // touches; the age limit bounds staleness from other processes sharing the database.
    ArtifactStore artifacts =
        new PublishedVersionCache(stores.artifacts(), PUBLISHED_CACHE_AGE, PUBLISHED_CACHE_SIZE);
    TaskWorkers workers = null;
    try {
      FileBlobStore blobs = new FileBlobStore(config.dataDir().resolve("blobs"));
      blobs.removeTemporaryFiles();
      ReconcileStorageUseCase.Report report =
          new ReconcileStorageService(artifacts, index, blobs, stores.tasks(), stores.documents())
              .reconcile();
      LOG.info("storage reconciled: {}", report);

      var chunker = new Cl100kChunker();
      var selection = new ArtifactSelection(stores.collections(), artifacts);
      var guard = new ArtifactTaskGuard(stores.tasks());
      var parser = new FileTypeDocumentParser(config.parseTimeout());
      var ingest =
          new IngestArtifactService(
              stores.collections(),
              artifacts,
              index,
              chunker,
              parser,
              blobs,
              new HttpContentFetcher(
                  config.allowPrivateUris(), config.maxInputBytes(), config.fetchTimeout()),
              new IngestPolicy(
                  config.maxInputBytes(), config.defaultLanguage(), config.parseTimeout()),
              guard,
              clock);
      var delete = new DeleteArtifactService(artifacts, index, guard, stores.documents());
      var retrieve =
          new RetrieveChunksService(stores.collections(), artifacts, stores.documents(), index);
      var chat = ChatWiring.create(config.llm(), stores, retrieve, clock);
      var catalogue = new DocumentCatalogue(stores.collections(), stores.documents(), artifacts);
      var documents =
          new DocumentService(
              stores.collections(),
              stores.documents(),
              catalogue,
              delete,
              blobs,
              parser,
              config.maxInputBytes(),
              clock);
      var updateDocument =
          new UpdateDocumentService(catalogue, artifacts, delete, index, guard, clock);
      var datasets = new DatasetService(stores.collections(), artifacts, stores.documents(), index);

      // Parsing is shown only through RAGFlow's API, so it is told in RAGFlow's words.
      var ragflowWords = new RagflowParsingWords();
      LecternConfig.Tasks taskConfig = config.tasks();
      TaskEvents events = new LoggingTaskEvents();
      TaskEngine engine =
          new TaskEngine(
              stores.tasks(),
              Map.of(
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
                      ragflowWords,
                      clock)),
              events,
              clock,
              new TaskEngine.Settings(
                  taskConfig.node(),
                  taskConfig.workers(),
                  TASK_LEASE,
                  TASK_HEARTBEAT,
                  TASK_IDLE_POLL,
                  new RetrySchedule(
                      taskConfig.maxAttempts(),
                      RetrySchedule.DEFAULT.firstDelay(),
                      RetrySchedule.DEFAULT.maxDelay())),
              (what, error) -> LOG.error("{}: {}", what, error.getMessage(), error));
      workers = new TaskWorkers(engine, e -> LOG.error("the task engine failed; retrying", e));
      TaskWorkers started = workers;
      var health =
          new CheckHealthService(
              List.of(stores.database(), index, () -> started.health().problem(clock.instant())),
              clock,
              HEALTH_REUSE);
      TaskSubmitter submitter =
          new TaskSubmitter(
              stores.tasks(),
              events,
              clock,
              new TaskSubmitter.Limits(taskConfig.maxPending(), taskConfig.maxAttempts()),
              workers::nudge);
      var taskAdmin = new TaskAdminService(stores.tasks(), clock);
      var parsing =
          new ParsingService(
              stores.documents(),
              catalogue,
              delete,
              submitter,
              taskAdmin,
              guard,
              ragflowWords,
              clock);
      var artifactTasks = new ArtifactTaskService(submitter, taskAdmin, guard, artifacts, blobs);
      var zylonUseCases =
          new ZylonArtifactHandlers.UseCases(
              ingest,
              new ListArtifactsService(selection),
              new ReadContentService(selection, blobs),
              new ReadChunkedContentService(selection, index, chunker),
              delete,
              artifactTasks,
              artifactTasks,
              artifactTasks,
              retrieve);
      var auth = new BearerAuth(new AuthenticateService(stores.tokens(), stores.orgs(), clock));
      var bodies = new RequestBodies(config.maxBodyBytes());

      ZylonErrorRenderer zylonErrors = new ZylonErrorRenderer();
      ErrorRouting errors = new ErrorRouting(zylonErrors);
      for (String prefix : ZylonRoutes.PREFIXES) {
        errors.add(prefix, zylonErrors);
      }
      RagflowErrorRenderer ragflowErrors = new RagflowErrorRenderer();
      for (String prefix : RagflowRoutes.PREFIXES) {
        errors.add(prefix, ragflowErrors);
      }
      AdminErrorRenderer adminErrors = new AdminErrorRenderer();
      for (String prefix : AdminRoutes.PREFIXES) {
        errors.add(prefix, adminErrors);
      }
      LecternServer server =
          new LecternServer(
              new LecternServer.Settings(config.host(), config.port(), config.maxBodyBytes()),
              errors,
              List.of(
                  new ZylonRoutes(
                      zylonUseCases,
                      chat.replies(),
                      chat.modelList(),
                      health,
                      auth,
                      bodies,
                      config.maxInputBytes()),
                  new RagflowRoutes(
                      new RagflowRoutes.UseCases(
                          retrieve,
                          datasets,
                          datasets,
                          datasets,
                          datasets,
                          documents,
                          documents,
                          updateDocument,
                          documents,
                          documents,
                          parsing,
                          parsing,
                          new ChunkService(artifacts, catalogue, index, chunker, guard)),
                      auth,
                      bodies,
                      clock),
                  new AdminRoutes(
                      new AdminTaskHandlers.UseCases(taskAdmin, taskAdmin, taskAdmin),
                      new AdminAssistantHandlers.UseCases(chat.assistants(), chat.assistants()),
                      auth,
                      bodies)));
      int recovered = engine.recover();
      LOG.info("task queue: {} interrupted task(s) re-queued", recovered);
      server.start();
      // Workers start last, so a long queue does not slow the server's start.
      workers.start();
      return new Wiring(config, stores, index, workers, server, chat);
    } catch (RuntimeException e) {
      if (workers != null) {
        workers.stop(Duration.ZERO);
      }
      closeQuietly(index);
      throw e;
    }
  }

  private static Path indexPath(LecternConfig config) {
    return config.dataDir().resolve("index");
  }

  /** The language model and the answer pipeline, for the chat dialects. */
  public ChatWiring chat() {
    return chat;
  }

  public int port() {
    return server.port();
  }

  /** The chunk index, for diagnostics and tests that compare it with the metadata. */
  public LuceneChunkIndex chunkIndex() {
    return index;
  }

  /**
   * Stops in order: no new requests (running ones finish), no new tasks (running ones stop at a
   * safe point or finish within the grace period), then the index commits and the database closes.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.close();
    if (!workers.stop(config.tasks().shutdownGrace())) {
      LOG.warn("tasks still running after the shutdown grace; they are re-queued at next start");
    }
    closeQuietly(index);
    stores.close();
  }

  private static void closeQuietly(LuceneChunkIndex index) {
    try {
      index.close();
    } catch (Exception e) {
      LOG.warn("closing the chunk index failed", e);
    }
  }
}
