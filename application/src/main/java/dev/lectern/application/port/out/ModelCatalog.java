package dev.lectern.application.port.out;

import java.util.List;
import java.util.Optional;

/** Port: the language models the server is configured with, by name. */
public interface ModelCatalog {
  /** Every configured model, the default one first. */
  List<ModelInfo> models();

  /** The model a request naming none is given. */
  default ModelInfo defaultModel() {
    return models().get(0);
  }

  /** The model of that name; null names the default one. */
  default Optional<ModelInfo> find(String name) {
    if (name == null) {
      return Optional.of(defaultModel());
    }
    return models().stream().filter(model -> model.name().equals(name)).findFirst();
  }
}
