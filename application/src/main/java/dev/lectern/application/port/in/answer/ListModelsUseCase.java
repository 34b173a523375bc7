package dev.lectern.application.port.in.answer;

import dev.lectern.domain.assistant.ModelInfo;
import java.util.List;

/** Use case: the language models callers may choose from, the default one first. */
public interface ListModelsUseCase {
  List<ModelInfo> models();
}
