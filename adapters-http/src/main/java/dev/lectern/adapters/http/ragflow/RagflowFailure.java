package dev.lectern.adapters.http.ragflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.application.error.LecternException;
import dev.lectern.domain.text.TextLimits;

/**
 * A RAGFlow result with a non-zero (or, for RAGFlow's auth quirks, zero) {@code code}, thrown by
 * handlers and written by {@link RagflowErrorRenderer} with HTTP 200.
 */
final class RagflowFailure extends RuntimeException {
  static final int OK = 0;
  static final int EXCEPTION = 100;
  static final int ARGUMENT = 101;
  static final int DATA = 102;
  static final int OPERATING = 103;
  static final int PERMISSION = 108;
  static final int AUTHENTICATION = 109;
  static final int SERVER = 500;

  private final int code;
  private final transient JsonNode data;
  private final boolean withData;

  private RagflowFailure(int code, String message, JsonNode data, boolean withData) {
    // Ids, names and values a client sent are repeated in messages: a long one never comes back
    // whole, as in the error family.
    super(TextLimits.cut(message, LecternException.MAX_MESSAGE_CHARS), null, false, false);
    this.code = code;
    this.data = data;
    this.withData = withData;
  }

  static RagflowFailure of(int code, String message) {
    return new RagflowFailure(code, message, null, false);
  }

  /** A failure whose envelope carries {@code data} (which may be JSON null). */
  static RagflowFailure withData(int code, String message, JsonNode data) {
    return new RagflowFailure(code, message, data, true);
  }

  /** Argument errors: code 101. */
  static RagflowFailure argument(String message) {
    return of(ARGUMENT, message);
  }

  /** Data errors, RAGFlow's default business failure: code 102. */
  static RagflowFailure data(String message) {
    return of(DATA, message);
  }

  int code() {
    return code;
  }

  JsonNode data() {
    return data;
  }

  boolean hasData() {
    return withData;
  }
}
