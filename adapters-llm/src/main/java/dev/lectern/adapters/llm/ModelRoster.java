package dev.lectern.adapters.llm;

import dev.lectern.application.port.out.LanguageModel;
import dev.lectern.application.port.out.ModelCatalog;
import dev.lectern.application.port.out.ModelDeltas;
import dev.lectern.application.port.out.ModelReply;
import dev.lectern.application.port.out.ModelRequest;
import dev.lectern.domain.assistant.ModelInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adapter: the configured models by name, as one model. A request goes to the model it names (the
 * first one added when it names none); a name nobody configured is refused by the catalog's one
 * rule ({@link ModelCatalog#resolve}).
 */
public final class ModelRoster implements LanguageModel, ModelCatalog {
  private record Entry(ModelInfo info, LanguageModel model) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** Adds a model; the first one added is the default. */
  public ModelRoster add(ModelInfo info, LanguageModel model) {
    if (entries.putIfAbsent(info.name(), new Entry(info, model)) != null) {
      throw new IllegalArgumentException("two models are named '" + info.name() + "'");
    }
    return this;
  }

  @Override
  public List<ModelInfo> models() {
    List<ModelInfo> models = new ArrayList<>();
    entries.values().forEach(entry -> models.add(entry.info()));
    return models;
  }

  @Override
  public ModelReply complete(ModelRequest request) {
    Entry entry = entry(request);
    return entry.model().complete(upstream(entry, request));
  }

  @Override
  public ModelReply stream(ModelRequest request, ModelDeltas deltas) {
    Entry entry = entry(request);
    return entry.model().stream(upstream(entry, request), deltas);
  }

  @Override
  public int inputTokens(ModelRequest request) {
    Entry entry = entry(request);
    return entry.model().inputTokens(upstream(entry, request));
  }

  @Override
  public int inputTokens(ModelRequest request, int atMost) {
    Entry entry = entry(request);
    return entry.model().inputTokens(upstream(entry, request), atMost);
  }

  @Override
  public int tokens(String text) {
    return TokenCounts.of(text);
  }

  /** The model a request names, by the catalog's one rule. */
  private Entry entry(ModelRequest request) {
    if (entries.isEmpty()) {
      throw new IllegalStateException("no language model is configured");
    }
    return entries.get(resolve(request.model()).name());
  }

  private static ModelRequest upstream(Entry entry, ModelRequest request) {
    return request.forModel(entry.info().upstreamModel());
  }
}
