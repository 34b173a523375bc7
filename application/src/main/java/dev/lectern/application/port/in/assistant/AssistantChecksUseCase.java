package dev.lectern.application.port.in.assistant;

/**
 * Use case: what a dialect checks before it asks for an assistant to be created or changed, so that
 * it can refuse in its own order and words. The store's own checks still decide.
 */
public interface AssistantChecksUseCase {
  /** Whether another assistant of the org than {@code exceptId} (null for none) has the name. */
  boolean nameTaken(String orgId, String name, String exceptId);

  /** Whether a model by this name is served; false for no name. */
  boolean modelExists(String name);
}
