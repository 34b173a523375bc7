package dev.lectern.domain.conversation;

/** Value: who said a message of a conversation. */
public enum Role {
  USER,
  ASSISTANT,
  /** The result of a tool the assistant asked for. */
  TOOL
}
