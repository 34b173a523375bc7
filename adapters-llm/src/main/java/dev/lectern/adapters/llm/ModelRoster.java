package dev.lectern.adapters.llm;

import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.port.out.LanguageModel;
import dev.lectern.application.port.out.ModelCatalog;
import dev.lectern.application.port.out.ModelDeltas;
import dev.lectern.application.port.out.ModelInfo;
import dev.lectern.application.port.out.ModelReply;
import dev.lectern.application.port.out.ModelRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adapter: the configured models by name, as one model. A request goes to the model it names (the
 * first one added when it names none); a name nobody configured is refused naming the field.
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

  private Entry entry(ModelRequest request) {
    if (entries.isEmpty()) {
      throw new IllegalStateException("no language model is configured");
    }
    if (request.model() == null) {
      return entries.values().iterator().next();
    }
    Entry entry = entries.get(request.model());
    if (entry == null) {
      throw new InvalidRequest(
          "model: no model named '"
              + request.model()
              + "' is configured; use one of "
              + String.join(", ", entries.keySet()),
          "model");
    }
    return entry;
  }

  private static ModelRequest upstream(Entry entry, ModelRequest request) {
    return request.forModel(entry.info().upstreamModel());
  }
}
