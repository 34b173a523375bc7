package dev.lectern.domain.conversation;

/** Value: why a model stopped writing its reply. */
public enum FinishReason {
  /** The reply is complete, or a stop sequence was reached. */
  STOP,
  /** The reply reached its token limit. */
  LENGTH,
  /** The model asks for tools to be called before it goes on. */
  TOOL_USE,
  /** The model's provider withheld the rest of the reply. */
  CONTENT_FILTER,
  /** Whoever waited for the reply went away; what was written so far is all there is. */
  CANCELLED
}
