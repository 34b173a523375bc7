package dev.lectern.bootstrap.cli;

import dev.lectern.adapters.lucene.Cl100kChunker;
import dev.lectern.adapters.lucene.LuceneChunkIndex;
import dev.lectern.bootstrap.LecternConfig;
import dev.lectern.bootstrap.MetadataStores;
import dev.lectern.bootstrap.Wiring;
import dev.lectern.domain.collection.Language;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: runs the server until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the server (default).")
public final class ServeCommand implements Callable<Integer> {
  @Mixin StorageOptions storage;

  @Mixin LlmOptions llm;

  @Spec CommandSpec spec;

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  @Option(
      names = "--host",
      defaultValue = "${env:LECTERN_HOST:-127.0.0.1}",
      description = "Address to bind. Env: LECTERN_HOST.")
  String host;

  @Option(
      names = "--port",
      defaultValue = "${env:LECTERN_PORT:-8080}",
      description = "Port to listen on (0 picks a free one). Env: LECTERN_PORT.")
  int port;

  @Option(
      names = "--max-body-bytes",
      defaultValue = "${env:LECTERN_MAX_BODY_BYTES:-67108864}",
      description = "Largest request body. Env: LECTERN_MAX_BODY_BYTES.")
  long maxBodyBytes;

  @Option(
      names = "--public-calls-per-minute",
      defaultValue = "${env:LECTERN_PUBLIC_CALLS_PER_MINUTE:-60}",
      description =
          "Calls one client address may make to public assistants per minute."
              + " Env: LECTERN_PUBLIC_CALLS_PER_MINUTE.")
  int publicCallsPerMinute;

  @Option(
      names = "--max-question-chars",
      defaultValue = "${env:LECTERN_MAX_QUESTION_CHARS:-1000000}",
      description =
          "Longest question or message (any string) a caller with a token may send to an answer"
              + " endpoint. Env: LECTERN_MAX_QUESTION_CHARS.")
  int maxQuestionChars;

  @Option(
      names = "--max-public-question-chars",
      defaultValue = "${env:LECTERN_MAX_PUBLIC_QUESTION_CHARS:-16000}",
      description =
          "Longest question an anonymous caller may send to a public agent."
              + " Env: LECTERN_MAX_PUBLIC_QUESTION_CHARS.")
  int maxPublicQuestionChars;

  @Option(
      names = "--max-chat-body-bytes",
      defaultValue = "${env:LECTERN_MAX_CHAT_BODY_BYTES:-8388608}",
      description =
          "Largest body of an answer request (a whole conversation a client sends)."
              + " Env: LECTERN_MAX_CHAT_BODY_BYTES.")
  long maxChatBodyBytes;

  @Option(
      names = "--answer-memory-mb",
      defaultValue = "${env:LECTERN_ANSWER_MEMORY_MB:-0}",
      description =
          "Memory the answer requests in flight may hold together, in MiB (0 = a third of the"
              + " heap); past it new ones wait, then get 429. Env: LECTERN_ANSWER_MEMORY_MB.")
  long answerMemoryMb;

  @Option(
      names = "--max-answer-chars",
      defaultValue = "${env:LECTERN_MAX_ANSWER_CHARS:-262144}",
      description =
          "Longest answer read from a model; past it the answer ends as cut for length."
              + " Env: LECTERN_MAX_ANSWER_CHARS.")
  int maxAnswerChars;

  @Option(
      names = "--public-bytes-per-minute",
      defaultValue = "${env:LECTERN_PUBLIC_BYTES_PER_MINUTE:-1048576}",
      description =
          "Bytes of questions and answers one client address may have stored through public"
              + " agents per minute. Env: LECTERN_PUBLIC_BYTES_PER_MINUTE.")
  long publicBytesPerMinute;

  @Option(
      names = "--public-conversations",
      defaultValue = "${env:LECTERN_PUBLIC_CONVERSATIONS:-10000}",
      description =
          "Anonymous conversations a public agent keeps; the least recently used go first."
              + " Env: LECTERN_PUBLIC_CONVERSATIONS.")
  int publicConversations;

  @Option(
      names = "--public-stored-mb",
      defaultValue = "${env:LECTERN_PUBLIC_STORED_MB:-256}",
      description =
          "MiB of anonymous conversations a public agent keeps; the least recently used go first."
              + " Env: LECTERN_PUBLIC_STORED_MB.")
  long publicStoredMb;

  @Option(
      names = "--max-input-bytes",
      defaultValue = "${env:LECTERN_MAX_INPUT_BYTES:-52428800}",
      description = "Largest document (decoded). Env: LECTERN_MAX_INPUT_BYTES.")
  long maxInputBytes;

  @Option(
      names = "--allow-private-uris",
      defaultValue = "${env:LECTERN_ALLOW_PRIVATE_URIS:-false}",
      description =
          "Let URI ingest reach loopback/private addresses. Env: LECTERN_ALLOW_PRIVATE_URIS.")
  boolean allowPrivateUris;

  @Option(
      names = "--fetch-timeout-seconds",
      defaultValue = "${env:LECTERN_FETCH_TIMEOUT_SECONDS:-60}",
      description = "Time limit of a URI download. Env: LECTERN_FETCH_TIMEOUT_SECONDS.")
  long fetchTimeoutSeconds;

  @Option(
      names = "--default-language",
      defaultValue = "${env:LECTERN_DEFAULT_LANGUAGE:-English}",
      description =
          "Language of collections created by Zylon ingest. Env: LECTERN_DEFAULT_LANGUAGE.")
  String defaultLanguage;

  @Option(
      names = "--task-workers",
      defaultValue = "${env:LECTERN_TASK_WORKERS:-0}",
      description =
          "Background tasks run at once (0 = number of cores). Env: LECTERN_TASK_WORKERS.")
  int taskWorkers;

  @Option(
      names = "--max-pending-tasks",
      defaultValue = "${env:LECTERN_MAX_PENDING_TASKS:-10000}",
      description = "Queued tasks before async requests get 429. Env: LECTERN_MAX_PENDING_TASKS.")
  long maxPendingTasks;

  @Option(
      names = "--task-attempts",
      defaultValue = "${env:LECTERN_TASK_ATTEMPTS:-3}",
      description = "Tries before a task fails. Env: LECTERN_TASK_ATTEMPTS.")
  int taskAttempts;

  @Option(
      names = "--node-id",
      defaultValue = "${env:LECTERN_NODE_ID:-local}",
      description =
          "This process's name in the task queue; distinct per process sharing a database."
              + " Env: LECTERN_NODE_ID.")
  String nodeId;

  @Option(
      names = "--shutdown-grace-seconds",
      defaultValue = "${env:LECTERN_SHUTDOWN_GRACE_SECONDS:-30}",
      description =
          "On SIGTERM, how long running tasks may take to reach a safe point."
              + " Env: LECTERN_SHUTDOWN_GRACE_SECONDS.")
  long shutdownGraceSeconds;

  @Override
  public Integer call() throws Exception {
    Cl100kChunker.preload(); // overlaps opening the database
    Language language =
        Language.fromName(defaultLanguage)
            .orElseThrow(
                () -> new IllegalArgumentException("unknown language '" + defaultLanguage + "'"));
    LecternConfig config =
        storage
            .config()
            .host(host)
            .port(port)
            .limits(maxBodyBytes, maxInputBytes)
            .publicCallsPerMinute(publicCallsPerMinute)
            .allowPrivateUris(allowPrivateUris)
            .fetchTimeout(Duration.ofSeconds(fetchTimeoutSeconds))
            .defaultLanguage(language)
            .tasks(tasks())
            .llm(llm.config())
            .answers(answers())
            .build();
    // Nothing is created before the port and the data directory are known to be free. A data
    // directory already there is taken first: a second server on it (usually on the same port
    // too) is told which process holds it.
    Path dataDir = config.storage().dataDir();
    if (Files.isDirectory(dataDir)) {
      DataDirectoryLock.acquire(dataDir);
      PortCheck.free(host, port);
    } else {
      PortCheck.free(host, port);
      DataDirectoryLock.acquire(dataDir);
    }
    // The index opens on its own thread while the database opens and migrates on this one.
    CompletableFuture<LuceneChunkIndex> index = Wiring.openIndexInBackground(config);
    MetadataStores stores;
    try {
      stores = Installation.open(config, 16, out());
    } catch (Exception | Error e) {
      index.thenAccept(ServeCommand::closeQuietly);
      throw e;
    }
    Wiring wiring;
    try {
      wiring = Wiring.start(config, stores, join(index));
    } catch (RuntimeException e) {
      stores.close();
      throw e;
    }
    out().println("Lectern listening on http://" + host + ":" + wiring.port());
    out().flush();
    GracefulStop.install(wiring);
    return LecternCommand.KEEP_RUNNING;
  }

  private static LuceneChunkIndex join(CompletableFuture<LuceneChunkIndex> index) {
    try {
      return index.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private static void closeQuietly(LuceneChunkIndex index) {
    try {
      index.close();
    } catch (IOException | RuntimeException ignored) {
      // Start-up already failed; that failure is the one reported.
    }
  }

  private LecternConfig.Answers answers() {
    return new LecternConfig.Answers(
        maxQuestionChars,
        maxPublicQuestionChars,
        maxChatBodyBytes,
        Math.multiplyExact(answerMemoryMb, 1024L * 1024),
        maxAnswerChars,
        publicBytesPerMinute,
        publicConversations,
        Math.multiplyExact(publicStoredMb, 1024L * 1024));
  }

  private LecternConfig.Tasks tasks() {
    if (taskWorkers < 0 || maxPendingTasks < 1 || taskAttempts < 1 || shutdownGraceSeconds < 0) {
      throw new IllegalArgumentException(
          "--task-workers must be >= 0, --max-pending-tasks and --task-attempts >= 1,"
              + " --shutdown-grace-seconds >= 0");
    }
    if (nodeId == null || nodeId.isBlank() || nodeId.length() > 200) {
      throw new IllegalArgumentException("--node-id must be 1-200 characters");
    }
    int workers = taskWorkers == 0 ? Runtime.getRuntime().availableProcessors() : taskWorkers;
    return new LecternConfig.Tasks(
        nodeId, workers, maxPendingTasks, taskAttempts, Duration.ofSeconds(shutdownGraceSeconds));
  }
}
