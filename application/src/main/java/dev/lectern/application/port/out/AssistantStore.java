package dev.lectern.application.port.out;

import dev.lectern.domain.assistant.Assistant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the assistants of each organization. Names are unique within an organization, whatever
 * their case.
 */
public interface AssistantStore {
  /** Stores a new assistant; false when its organization has one of that name. */
  boolean insert(Assistant assistant);

  /** Stores an assistant's new state; false when another assistant has its name. */
  boolean update(Assistant assistant);

  Optional<Assistant> find(String orgId, String id);

  /** The organization's assistants, oldest first. */
  List<Assistant> list(String orgId);

  /** Removes an assistant with its conversations; false when there was none. */
  boolean delete(String orgId, String id);
}
