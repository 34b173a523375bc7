package dev.lectern.domain.assistant;

/** Value: whether an assistant answers. */
public enum AssistantStatus {
  ACTIVE,
  /** Kept with its conversations, but every question is refused. */
  SUSPENDED
}
