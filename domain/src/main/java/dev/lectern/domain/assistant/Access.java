package dev.lectern.domain.assistant;

/** Value: who may talk to an assistant. */
public enum Access {
  /** Only callers holding a token of its organization or one of its keys. */
  PRIVATE,
  /** Anyone who knows its id (rate-limited per client where a dialect allows it). */
  PUBLIC
}
