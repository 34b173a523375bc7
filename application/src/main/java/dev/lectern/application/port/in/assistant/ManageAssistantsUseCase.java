package dev.lectern.application.port.in.assistant;

import dev.lectern.domain.assistant.Assistant;
import java.util.List;
import java.util.Optional;

/**
 * Use case: an organization's assistants, whichever dialect calls them a chat, bot or agent. Every
 * change is checked whole before it is stored: names unique, collections existing, the model
 * configured, settings in range.
 */
public interface ManageAssistantsUseCase {
  Assistant create(String orgId, AssistantDraft draft);

  Assistant update(String orgId, String id, AssistantDraft changes);

  Assistant find(String orgId, String id);

  /** A public assistant by its id alone, whichever organization holds it; empty for any other. */
  Optional<Assistant> findPublic(String id);

  /** Oldest first. */
  List<Assistant> list(String orgId);

  /** Removes the assistant, its conversations, and revokes its keys. */
  void delete(String orgId, String id);
}
