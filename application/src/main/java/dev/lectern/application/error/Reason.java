package dev.lectern.application.error;

/**
 * Why a request is refused, finer than the kind of error, for the dialects whose error codes say
 * more than the kind does. A dialect that has no code for a reason renders the error by its kind.
 */
public enum Reason {
  /** None given: the error's kind says it all. */
  UNSPECIFIED,
  /** A required value is not there at all. */
  MISSING,
  /** The request lacks arguments it needs, named together. */
  INCOMPLETE,
  /** A value has the wrong form: its type, its format, a choice not among those offered. */
  MALFORMED,
  /** The request is well-formed, but what it names or asks for does not hold. */
  REFUSED,
  /** The caller does not own what it acts on. */
  NOT_OWNER,
  /** The caller may not reach what it names. */
  NO_PERMISSION,
  /** What the request puts together does not go together (collections of different models). */
  INCOMPATIBLE,
  /** A value the server failed on while reading it, as the vendor's own server would. */
  UNREADABLE,
  /** A content the server could not process. */
  UNPROCESSABLE,
  /** The document is being worked on already (parsed). */
  BUSY,
  /** The work cannot be stopped: it has not begun, or it has ended. */
  NOT_STOPPABLE,
  /** A part of a document (a chunk) that the request names does not exist. */
  UNKNOWN_PART,
  /** A change could not be stored; the data is as it was. */
  NOT_STORED
}
