package dev.lectern.application.service.answer;

import dev.lectern.application.port.in.answer.ListModelsUseCase;
import dev.lectern.application.port.out.ModelCatalog;
import dev.lectern.domain.assistant.ModelInfo;
import java.util.List;

/** Service: the configured language models. */
public final class ListModelsService implements ListModelsUseCase {
  private final ModelCatalog catalog;

  public ListModelsService(ModelCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public List<ModelInfo> models() {
    return catalog.models();
  }
}
