package dev.lectern.adapters.http.common;

import dev.lectern.application.error.Unauthenticated;
import dev.lectern.application.port.in.access.AuthenticateCommand;
import dev.lectern.application.port.in.access.AuthenticateUseCase;
import dev.lectern.application.port.in.access.Caller;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * Reads {@code Authorization: Bearer …} and {@code x-org}, and resolves the caller by each
 * dialect's rule: which organization an unnamed one is, and whether a key of one assistant counts.
 */
public final class BearerAuth {
  private final AuthenticateUseCase authenticate;

  public BearerAuth(AuthenticateUseCase authenticate) {
    this.authenticate = authenticate;
  }

  /** Zylon's rule: an organization's token, acting in {@code x-org} or else {@code default}. */
  public Caller caller(Context ctx) {
    return authenticated(
        ctx, new AuthenticateCommand(secret(ctx.header("Authorization")), ctx.header("x-org")));
  }

  /**
   * The caller acting in its token's own organization unless {@code x-org} names another (RAGFlow's
   * tenant, Lectern's own API).
   */
  public Caller tenant(Context ctx, String secret) {
    return authenticated(
        ctx,
        new AuthenticateCommand(
            secret, ctx.header("x-org"), AuthenticateCommand.OrgChoice.TOKEN_ORG, false));
  }

  /** {@link #tenant} with the secret of the Authorization header. */
  public Caller tenant(Context ctx) {
    return tenant(ctx, secret(ctx.header("Authorization")));
  }

  /**
   * The caller by an assistant's own key (the bot and agent APIs, where the key picks the
   * assistant), acting in the key's organization; an organization's token picks none and is
   * refused.
   */
  public Caller assistantKey(Context ctx) {
    Caller caller = assistantOrOrg(ctx);
    if (caller.token().assistantId() == null) {
      throw new Unauthenticated("this API takes an assistant's key", "Authorization");
    }
    return caller;
  }

  /**
   * The caller by an organization's token or an assistant's key, acting in the token's own
   * organization (Timeweb's agents, reached by either).
   */
  public Caller assistantOrOrg(Context ctx) {
    return authenticated(
        ctx,
        new AuthenticateCommand(
            secret(ctx.header("Authorization")),
            null,
            AuthenticateCommand.OrgChoice.TOKEN_ORG,
            true));
  }

  /** The caller the command names; the request is marked as one with a token. */
  private Caller authenticated(Context ctx, AuthenticateCommand command) {
    Caller caller = authenticate.authenticate(command);
    RequestBodies.authenticated(ctx);
    return caller;
  }

  /** The secret of a Bearer header; a bare value without a scheme is accepted as is. */
  static String secret(String header) {
    if (header == null) {
      return null;
    }
    String value = header.strip();
    if (value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      return value.substring(7).strip();
    }
    return value;
  }
}
