package dev.lectern.application.port.out;

import dev.lectern.application.error.InvalidRequest;
import dev.lectern.domain.assistant.ModelInfo;
import dev.lectern.domain.text.TextLimits;
import java.util.List;
import java.util.Optional;

/** Port: the language models the server is configured with, by name. */
public interface ModelCatalog {
  /** Every configured model, the default one first. */
  List<ModelInfo> models();

  /** The model a request naming none is given. */
  default ModelInfo defaultModel() {
    List<ModelInfo> all = models();
    if (all.isEmpty()) {
      throw new IllegalStateException("no language model is configured");
    }
    return all.get(0);
  }

  /**
   * The one rule for a model's name, wherever it is given (an assistant's settings, a request): the
   * configured model of that name, the default one for null, and otherwise a refusal naming the
   * field and the configured names. A dialect whose clients send names of their vendor's models
   * translates those to null first.
   *
   * @throws InvalidRequest for a name nobody configured
   */
  default ModelInfo resolve(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new InvalidRequest(
                    "model: no model named '"
                        + TextLimits.cut(name, 100)
                        + "' is configured; use one of "
                        + String.join(", ", models().stream().map(ModelInfo::name).toList()),
                    "model"));
  }

  /** The model of that name; null names the default one. */
  default Optional<ModelInfo> find(String name) {
    if (name == null) {
      return Optional.of(defaultModel());
    }
    return models().stream().filter(model -> model.name().equals(name)).findFirst();
  }
}
