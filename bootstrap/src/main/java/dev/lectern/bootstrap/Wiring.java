package dev.lectern.bootstrap;

import dev.lectern.adapters.http.common.LecternServer;
import dev.lectern.adapters.lucene.LuceneChunkIndex;
import dev.lectern.application.service.health.CheckHealthService;
import dev.lectern.application.service.task.TaskWorkers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the running server by hand, area by area: knowledge ({@link KnowledgeWiring}), tasks
 * ({@link TaskWiring}), chat ({@link ChatWiring}), then the dialects ({@link DialectWiring}).
 */
public final class Wiring implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

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
    TaskWorkers workers = null;
    try {
      KnowledgeWiring knowledge = KnowledgeWiring.open(config, stores, index, clock);
      TaskWiring tasks = TaskWiring.create(config.tasks(), stores, knowledge.taskHandlers(), clock);
      workers = tasks.workers();
      TaskWorkers started = workers;
      var health =
          new CheckHealthService(
              List.of(stores.database(), index, () -> started.health().problem(clock.instant())),
              clock,
              HEALTH_REUSE);
      var chat = ChatWiring.create(config, stores, knowledge.retrieve, clock);
      LecternServer server =
          DialectWiring.server(config, stores, knowledge, tasks, chat, health, clock);
      int recovered = tasks.engine().recover();
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
    return config.storage().resolve("index");
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
