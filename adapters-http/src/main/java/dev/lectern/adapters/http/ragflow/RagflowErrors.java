package dev.lectern.adapters.http.ragflow;

import dev.lectern.application.error.Forbidden;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.error.Reason;
import dev.lectern.application.error.Unauthenticated;
import dev.lectern.application.error.Unavailable;
import dev.lectern.application.error.UnsupportedContent;

/**
 * The errors RAGFlow's handlers refuse a request with: members of the error family with the reason
 * {@link RagflowErrorRenderer} maps to RAGFlow's code.
 */
final class RagflowErrors {
  private RagflowErrors() {}

  /** Code 101: a value of the wrong form. */
  static LecternException argument(String message) {
    return new InvalidRequest(message).because(Reason.MALFORMED);
  }

  /** Code 102, RAGFlow's default business failure. */
  static LecternException data(String message) {
    return new InvalidRequest(message).because(Reason.REFUSED);
  }

  /** Code 101 with {@code data: false}: a required value is not there. */
  static LecternException missing(String message) {
    return new InvalidRequest(message).because(Reason.MISSING);
  }

  /** Code 101 with {@code data: null}: arguments the request needs are not there. */
  static LecternException incomplete(String message) {
    return new InvalidRequest(message).because(Reason.INCOMPLETE);
  }

  /** Code 0 with {@code data: false}: RAGFlow's answer to a request without usable credentials. */
  static LecternException noCredentials(String message) {
    return new Unauthenticated(message).because(Reason.MISSING);
  }

  /** Code 100: an exception RAGFlow's server raises on such a value, by its Python text. */
  static LecternException unreadable(String message) {
    return new InvalidRequest(message).because(Reason.UNREADABLE);
  }

  /** Code 103: the caller does not own it. */
  static LecternException notOwner(String message) {
    return new Forbidden(message).because(Reason.NOT_OWNER);
  }

  /** Code 108: the caller may not reach it. */
  static LecternException noPermission(String message) {
    return new Forbidden(message).because(Reason.NO_PERMISSION);
  }

  /** Code 109, as RAGFlow answers datasets of different embedding models. */
  static LecternException incompatible(String message) {
    return new InvalidRequest(message).because(Reason.INCOMPATIBLE);
  }

  /** Code 500: content that could not be processed. */
  static LecternException unprocessable(String message) {
    return new UnsupportedContent(message).because(Reason.UNPROCESSABLE);
  }

  /** Code 1001: no such chunk. */
  static LecternException unknownChunk(String message) {
    return new NotFound(message).because(Reason.UNKNOWN_PART);
  }

  /** Code 1002: the chunk was not changed, for {@code cause}. */
  static LecternException notStored(String message, Throwable cause) {
    return new Unavailable(message, null, cause).because(Reason.NOT_STORED);
  }
}
