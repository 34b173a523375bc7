package dev.lectern.bootstrap;

import dev.lectern.domain.collection.Language;
import dev.lectern.domain.conversation.Message;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Configuration of one Lectern process. Values come from command-line flags, then {@code LECTERN_*}
 * environment variables, then the defaults of {@link #builder}.
 *
 * @param adminToken the first admin token of a new installation, or null to generate one
 */
public record LecternConfig(
    Http http,
    Storage storage,
    Ingest ingest,
    String adminToken,
    Tasks tasks,
    LlmConfig llm,
    Answers answers) {

  /**
   * Where and how the server listens.
   *
   * @param maxBodyBytes the largest request body accepted
   * @param publicCallsPerMinute how many calls one client address may make to public assistants in
   *     a minute
   */
  public record Http(String host, int port, long maxBodyBytes, int publicCallsPerMinute) {}

  /**
   * Where the data lives.
   *
   * @param databaseUrl a JDBC URL; null for the embedded H2 database in the data directory
   */
  public record Storage(
      Path dataDir, String databaseUrl, String databaseUser, String databasePassword) {
    /** A directory inside the data directory. */
    public Path resolve(String name) {
      return dataDir.resolve(name);
    }
  }

  /**
   * Limits on what is ingested and how.
   *
   * @param maxInputBytes the largest document accepted, uploaded or fetched
   * @param allowPrivateUris whether URI ingest may reach loopback and private addresses
   */
  public record Ingest(
      long maxInputBytes,
      boolean allowPrivateUris,
      Duration fetchTimeout,
      Duration parseTimeout,
      Language defaultLanguage) {}

  /**
   * Background task settings.
   *
   * @param node this process's name in the task queue; processes sharing a database need distinct
   *     names
   * @param workers how many tasks run at once
   * @param maxPending how many tasks may wait before new ones are refused with 429
   * @param maxAttempts how often a task is tried before it fails
   * @param shutdownGrace how long a stopping server waits for running tasks to reach a safe point
   */
  public record Tasks(
      String node, int workers, long maxPending, int maxAttempts, Duration shutdownGrace) {
    public static Tasks defaults() {
      return new Tasks(
          "local", Runtime.getRuntime().availableProcessors(), 10_000, 3, Duration.ofSeconds(30));
    }
  }

  /**
   * Limits of the answer side: what a question may be, how much memory answers in flight may hold,
   * how long an answer may grow, and how much anonymous callers may store.
   *
   * @param maxQuestionChars the longest string (a question, one message of a conversation) a caller
   *     with a token may send to an answer endpoint
   * @param maxPublicQuestionChars the same for an anonymous caller of a public assistant
   * @param maxChatBodyBytes the largest body of an answer request with a token (a whole
   *     conversation a client keeps); an anonymous body is sized to its question
   * @param memoryBytes what answer requests in flight may hold together; 0 for a third of the heap
   * @param maxAnswerChars the longest answer read from a model; past it the answer ends as cut for
   *     length
   * @param publicBytesPerMinute bytes of questions and answers one client address may have stored
   *     through public assistants in a minute
   * @param publicConversations anonymous conversations a public assistant keeps; past it the least
   *     recently used go first
   * @param publicStoredBytes bytes of anonymous conversations a public assistant keeps, likewise
   */
  public record Answers(
      int maxQuestionChars,
      int maxPublicQuestionChars,
      long maxChatBodyBytes,
      long memoryBytes,
      int maxAnswerChars,
      long publicBytesPerMinute,
      int publicConversations,
      long publicStoredBytes) {
    public Answers {
      if (maxQuestionChars < 1
          || maxPublicQuestionChars < 1
          || maxChatBodyBytes < 1
          || memoryBytes < 0
          || maxAnswerChars < 1
          || publicBytesPerMinute < 1
          || publicConversations < 1
          || publicStoredBytes < 1) {
        throw new IllegalArgumentException("answer limits must be positive");
      }
      int most = Message.MAX_CONTENT_LENGTH;
      if (maxQuestionChars > most || maxPublicQuestionChars > most || maxAnswerChars > most) {
        throw new IllegalArgumentException(
            "question and answer limits must be at most " + most + " characters");
      }
    }

    public static Answers defaults() {
      return new Answers(
          1_000_000, 16_000, 8L * 1024 * 1024, 0, 262_144, 1024L * 1024, 10_000, 256L << 20);
    }

    /** The memory budget: as configured, or a third of the largest heap. */
    public long memoryBudget() {
      return memoryBytes > 0 ? memoryBytes : Runtime.getRuntime().maxMemory() / 3;
    }
  }

  /** Defaults for a data directory. */
  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  /** Assembles a configuration from defaults and overrides. */
  public static final class Builder {
    private final Path dataDir;
    private String host = "127.0.0.1";
    private int port = 8080;
    private long maxBodyBytes = 64L * 1024 * 1024;
    private int publicCallsPerMinute = 60;
    private long maxInputBytes = 50L * 1024 * 1024;
    private boolean allowPrivateUris;
    private Duration fetchTimeout = Duration.ofSeconds(60);
    private Duration parseTimeout = Duration.ofSeconds(120);
    private Language defaultLanguage = Language.ENGLISH;
    private String adminToken;
    private String databaseUrl;
    private String databaseUser;
    private String databasePassword;
    private Tasks tasks = Tasks.defaults();
    private LlmConfig llm = LlmConfig.builtIn();
    private Answers answers = Answers.defaults();

    private Builder(Path dataDir) {
      this.dataDir = dataDir;
    }

    public Builder host(String value) {
      host = value;
      return this;
    }

    public Builder port(int value) {
      port = value;
      return this;
    }

    public Builder limits(long bodyBytes, long inputBytes) {
      maxBodyBytes = bodyBytes;
      maxInputBytes = inputBytes;
      return this;
    }

    /** How many calls one client address may make to public assistants in a minute. */
    public Builder publicCallsPerMinute(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("publicCallsPerMinute must be positive");
      }
      publicCallsPerMinute = value;
      return this;
    }

    public Builder allowPrivateUris(boolean value) {
      allowPrivateUris = value;
      return this;
    }

    public Builder fetchTimeout(Duration value) {
      fetchTimeout = value;
      return this;
    }

    public Builder parseTimeout(Duration value) {
      parseTimeout = value;
      return this;
    }

    public Builder defaultLanguage(Language value) {
      defaultLanguage = value;
      return this;
    }

    public Builder adminToken(String value) {
      adminToken = value;
      return this;
    }

    public Builder database(String url, String user, String password) {
      databaseUrl = url;
      databaseUser = user;
      databasePassword = password;
      return this;
    }

    public Builder tasks(Tasks value) {
      tasks = value;
      return this;
    }

    public Builder llm(LlmConfig value) {
      llm = value;
      return this;
    }

    public Builder answers(Answers value) {
      answers = value;
      return this;
    }

    public LecternConfig build() {
      return new LecternConfig(
          new Http(host, port, maxBodyBytes, publicCallsPerMinute),
          new Storage(dataDir, databaseUrl, databaseUser, databasePassword),
          new Ingest(maxInputBytes, allowPrivateUris, fetchTimeout, parseTimeout, defaultLanguage),
          adminToken,
          tasks,
          llm,
          answers);
    }
  }
}
