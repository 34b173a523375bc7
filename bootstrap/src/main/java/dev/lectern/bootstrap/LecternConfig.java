package dev.lectern.bootstrap;

import dev.lectern.domain.collection.Language;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Configuration of one Lectern process. Values come from command-line flags, then {@code LECTERN_*}
 * environment variables, then the defaults of {@link #builder}.
 *
 * @param databaseUrl a JDBC URL; null for the embedded H2 database in the data directory
 */
public record LecternConfig(
    String host,
    int port,
    Path dataDir,
    long maxBodyBytes,
    long maxInputBytes,
    boolean allowPrivateUris,
    Duration fetchTimeout,
    Duration parseTimeout,
    Language defaultLanguage,
    String adminToken,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    Tasks tasks,
    Llm llm) {

  /**
   * The language models assistants answer with.
   *
   * @param baseUrl the default model's OpenAI-compatible server; null for the built-in extractive
   *     model
   * @param model the default model's name, as its server knows it
   * @param apiKey sent to the default model's server as a bearer token, or null
   * @param named further models assistants may choose by name
   * @param contextTokens the context window of each OpenAI-compatible model
   * @param firstTokenTimeout how long a model may take to begin an answer
   * @param totalTimeout how long a whole answer may take
   */
  public record Llm(
      String baseUrl,
      String model,
      String apiKey,
      List<NamedModel> named,
      int contextTokens,
      Duration firstTokenTimeout,
      Duration totalTimeout) {
    public static final int DEFAULT_CONTEXT_TOKENS = 8192;

    public Llm {
      named = named == null ? List.of() : List.copyOf(named);
    }

    public static Llm builtIn() {
      return new Llm(
          null,
          "default",
          null,
          List.of(),
          DEFAULT_CONTEXT_TOKENS,
          Duration.ofSeconds(60),
          Duration.ofMinutes(10));
    }

    /** The default model at an OpenAI-compatible server. */
    public static Llm at(String baseUrl, String model, String apiKey) {
      Llm usual = builtIn();
      return new Llm(
          baseUrl,
          model,
          apiKey,
          List.of(),
          usual.contextTokens(),
          usual.firstTokenTimeout(),
          usual.totalTimeout());
    }

    public boolean builtInModel() {
      return baseUrl == null || baseUrl.isBlank();
    }
  }

  /**
   * A model assistants may choose by name.
   *
   * @param name what assistants call it
   * @param model the model its server is asked for
   * @param baseUrl its OpenAI-compatible server
   * @param apiKey sent as a bearer token, or null
   */
  public record NamedModel(String name, String model, String baseUrl, String apiKey) {
    private static final Pattern ENTRY =
        Pattern.compile("([A-Za-z0-9][A-Za-z0-9._:-]*)=([^@\\s]+)@(https?://\\S+)");

    /**
     * Reads {@code name=model@url[,name=model@url…]}; the key of each comes from {@code
     * keys.apply(name)} (its {@code LECTERN_LLM_API_KEY_<NAME>} variable).
     */
    public static List<NamedModel> parse(String spec, Function<String, String> keys) {
      List<NamedModel> models = new ArrayList<>();
      if (spec == null || spec.isBlank()) {
        return models;
      }
      for (String part : spec.split(",")) {
        Matcher entry = ENTRY.matcher(part.strip());
        if (!entry.matches()) {
          throw new IllegalArgumentException(
              "a model must be given as name=model@http(s)://host/…, not '" + part.strip() + "'");
        }
        String name = entry.group(1);
        models.add(new NamedModel(name, entry.group(2), entry.group(3), keys.apply(name)));
      }
      return models;
    }

    /**
     * The models with {@code defaultKey} for those that have no key of their own and live on the
     * default model's server; a key is never sent to another host unless it was given for it.
     */
    public static List<NamedModel> withDefaultKey(
        List<NamedModel> models, String defaultBaseUrl, String defaultKey) {
      String defaultHost = host(defaultBaseUrl);
      List<NamedModel> keyed = new ArrayList<>();
      for (NamedModel model : models) {
        boolean sameServer = defaultHost != null && defaultHost.equals(host(model.baseUrl()));
        keyed.add(
            model.apiKey() == null && sameServer
                ? new NamedModel(model.name(), model.model(), model.baseUrl(), defaultKey)
                : model);
      }
      return keyed;
    }

    private static String host(String url) {
      try {
        return url == null || url.isBlank() ? null : java.net.URI.create(url).getAuthority();
      } catch (IllegalArgumentException notAUrl) {
        return null;
      }
    }

    /** The environment variable that holds a named model's API key. */
    public static String keyVariable(String name) {
      return "LECTERN_LLM_API_KEY_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
  }

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
    private Llm llm = Llm.builtIn();

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

    public Builder llm(Llm value) {
      llm = value;
      return this;
    }

    public LecternConfig build() {
      return new LecternConfig(
          host,
          port,
          dataDir,
          maxBodyBytes,
          maxInputBytes,
          allowPrivateUris,
          fetchTimeout,
          parseTimeout,
          defaultLanguage,
          adminToken,
          databaseUrl,
          databaseUser,
          databasePassword,
          tasks,
          llm);
    }
  }
}
