package dev.lectern.bootstrap;

import dev.lectern.adapters.documents.FileBlobStore;
import dev.lectern.adapters.documents.FileTypeDocumentParser;
import dev.lectern.adapters.documents.HttpContentFetcher;
import dev.lectern.adapters.http.common.BearerAuth;
import dev.lectern.adapters.http.common.ErrorRouting;
import dev.lectern.adapters.http.common.LecternServer;
import dev.lectern.adapters.http.common.RequestBodies;
import dev.lectern.adapters.http.zylon.ZylonArtifactHandlers;
import dev.lectern.adapters.http.zylon.ZylonErrorRenderer;
import dev.lectern.adapters.http.zylon.ZylonRoutes;
import dev.lectern.adapters.lucene.Cl100kChunker;
import dev.lectern.adapters.lucene.LuceneChunkIndex;
import dev.lectern.application.port.in.artifact.ReconcileStorageUseCase;
import dev.lectern.application.service.access.AuthenticateService;
import dev.lectern.application.service.artifact.ArtifactSelection;
import dev.lectern.application.service.artifact.DeleteArtifactService;
import dev.lectern.application.service.artifact.IngestArtifactService;
import dev.lectern.application.service.artifact.IngestPolicy;
import dev.lectern.application.service.artifact.ListArtifactsService;
import dev.lectern.application.service.artifact.ReadChunkedContentService;
import dev.lectern.application.service.artifact.ReadContentService;
import dev.lectern.application.service.artifact.ReconcileStorageService;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the running server by hand: adapters, then services, then dialects. */
public final class Wiring implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

  private final MetadataStores stores;
  private final LuceneChunkIndex index;
  private final LecternServer server;

  private Wiring(MetadataStores stores, LuceneChunkIndex index, LecternServer server) {
    this.stores = stores;
    this.index = index;
    this.server = server;
  }

  /** Opens storage, reconciles it, and starts serving. */
  public static Wiring start(LecternConfig config, MetadataStores stores) {
    Clock clock = Clock.systemUTC();
    LuceneChunkIndex index = LuceneChunkIndex.open(config.dataDir().resolve("index"));
    try {
      FileBlobStore blobs = new FileBlobStore(config.dataDir().resolve("blobs"));
      blobs.removeTemporaryFiles();
      ReconcileStorageUseCase.Report report =
          new ReconcileStorageService(stores.artifacts(), index, blobs).reconcile();
      LOG.info("storage reconciled: {}", report);

      var chunker = new Cl100kChunker();
      var selection = new ArtifactSelection(stores.collections(), stores.artifacts());
      var ingest =
          new IngestArtifactService(
              stores.collections(),
              stores.artifacts(),
              index,
              chunker,
              new FileTypeDocumentParser(config.parseTimeout()),
              blobs,
              new HttpContentFetcher(
                  config.allowPrivateUris(), config.maxInputBytes(), config.fetchTimeout()),
              new IngestPolicy(config.maxInputBytes(), config.defaultLanguage()),
              clock);
      var zylonUseCases =
          new ZylonArtifactHandlers.UseCases(
              ingest,
              new ListArtifactsService(selection),
              new ReadContentService(selection, blobs),
              new ReadChunkedContentService(selection, index, chunker),
              new DeleteArtifactService(stores.artifacts(), index));
      var auth = new BearerAuth(new AuthenticateService(stores.tokens(), stores.orgs(), clock));
      var bodies = new RequestBodies(config.maxBodyBytes());

      ZylonErrorRenderer zylonErrors = new ZylonErrorRenderer();
      ErrorRouting errors = new ErrorRouting(zylonErrors);
      for (String prefix : ZylonRoutes.PREFIXES) {
        errors.add(prefix, zylonErrors);
      }
      LecternServer server =
          new LecternServer(
              new LecternServer.Settings(config.host(), config.port(), config.maxBodyBytes()),
              errors,
              List.of(new ZylonRoutes(zylonUseCases, auth, bodies, config.maxInputBytes())));
      server.start();
      return new Wiring(stores, index, server);
    } catch (RuntimeException e) {
      closeQuietly(index);
      throw e;
    }
  }

  public int port() {
    return server.port();
  }

  /** The chunk index, for diagnostics and tests that compare it with the metadata. */
  public LuceneChunkIndex chunkIndex() {
    return index;
  }

  @Override
  public void close() {
    server.close();
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
