package dev.lectern.adapters.http.ragflow;

import dev.lectern.adapters.http.common.BearerAuth;
import dev.lectern.application.error.LecternException;
import dev.lectern.application.port.in.access.Caller;
import io.javalin.http.Context;

/**
 * RAGFlow's key check, in its order: a missing header and a header without a second token are code
 * 0 (RAGFlow's own quirk), an unknown key is code 109. The key's organization is the tenant.
 */
final class RagflowAuth {
  private final BearerAuth auth;

  RagflowAuth(BearerAuth auth) {
    this.auth = auth;
  }

  Caller tenant(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw RagflowErrors.noCredentials("`Authorization` can't be empty");
    }
    String[] parts = header.strip().split("\\s+");
    if (parts.length < 2) {
      throw RagflowErrors.noCredentials("Please check your authorization format.");
    }
    return auth.tenant(ctx, parts[1]);
  }

  /** A key check whose refusal waits: RAGFlow checks some endpoints' arguments before the key. */
  record Deferred(Caller caller, RuntimeException refusal) {
    /** The caller, or the refusal now. */
    Caller get() {
      if (refusal != null) {
        throw refusal;
      }
      return caller;
    }
  }

  /**
   * The key is checked at once, so that a body read next has a caller's limits when the key is
   * good; a refusal is thrown only when {@link Deferred#get} asks for the caller.
   */
  Deferred deferredTenant(Context ctx) {
    try {
      return new Deferred(tenant(ctx), null);
    } catch (LecternException refused) {
      return new Deferred(null, refused);
    }
  }
}
