package dev.lectern.bootstrap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
public record LlmConfig(
    String baseUrl,
    String model,
    String apiKey,
    List<NamedModel> named,
    int contextTokens,
    Duration firstTokenTimeout,
    Duration totalTimeout) {
  public static final int DEFAULT_CONTEXT_TOKENS = 8192;

  public LlmConfig {
    named = named == null ? List.of() : List.copyOf(named);
  }

  public static LlmConfig builtIn() {
    return new LlmConfig(
        null,
        "default",
        null,
        List.of(),
        DEFAULT_CONTEXT_TOKENS,
        Duration.ofSeconds(60),
        Duration.ofMinutes(10));
  }

  /** The default model at an OpenAI-compatible server. */
  public static LlmConfig at(String baseUrl, String model, String apiKey) {
    LlmConfig usual = builtIn();
    return new LlmConfig(
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
}
