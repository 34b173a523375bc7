package dev.lectern.application.port.out;

import dev.lectern.domain.assistant.Assistant;
import java.time.Instant;
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

  /** How a conditional update ended. */
  enum Outcome {
    UPDATED,
    /** Another assistant of the organization has the name. */
    NAME_TAKEN,
    /** The assistant changed since it was read, or is gone: nothing was stored. */
    CHANGED
  }

  /**
   * Stores an assistant's new state only if it is still as it was read: last changed at {@code
   * seen}. Two updates of one assistant at once cannot lose either's change this way.
   */
  Outcome updateIfUnchanged(Assistant assistant, Instant seen);

  Optional<Assistant> find(String orgId, String id);

  /**
   * The public assistant with this id, in whichever organization holds it: what anyone may reach
   * without naming an organization. A private assistant is never found this way.
   */
  Optional<Assistant> findPublic(String id);

  /** The organization's assistants, oldest first. */
  List<Assistant> list(String orgId);

  /** Removes an assistant with its conversations; false when there was none. */
  boolean delete(String orgId, String id);
}
