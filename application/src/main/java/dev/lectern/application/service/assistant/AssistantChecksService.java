package dev.lectern.application.service.assistant;

import dev.lectern.application.port.in.assistant.AssistantChecksUseCase;
import dev.lectern.application.port.out.AssistantStore;
import dev.lectern.application.port.out.ModelCatalog;
import java.util.Locale;

/** Service: names in use and models served, asked before an assistant is written. */
public final class AssistantChecksService implements AssistantChecksUseCase {
  private final AssistantStore assistants;
  private final ModelCatalog models;

  public AssistantChecksService(AssistantStore assistants, ModelCatalog models) {
    this.assistants = assistants;
    this.models = models;
  }

  @Override
  public boolean nameTaken(String orgId, String name, String exceptId) {
    // The same rule as the store's: names are unique whatever their case, around their spaces.
    String key = name.strip().toLowerCase(Locale.ROOT);
    return assistants.list(orgId).stream()
        .anyMatch(a -> a.name().toLowerCase(Locale.ROOT).equals(key) && !a.id().equals(exceptId));
  }

  @Override
  public boolean modelExists(String name) {
    return name != null && models.find(name).isPresent();
  }
}
