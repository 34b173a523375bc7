package dev.lectern.application.service.access;

import dev.lectern.application.error.Forbidden;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.error.Unauthenticated;
import dev.lectern.application.port.in.access.AuthenticateCommand;
import dev.lectern.application.port.in.access.AuthenticateUseCase;
import dev.lectern.application.port.in.access.Caller;
import dev.lectern.application.port.out.OrgStore;
import dev.lectern.application.port.out.TokenStore;
import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.org.Organization;
import dev.lectern.domain.token.ApiToken;
import dev.lectern.domain.token.TokenSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Service: resolves a bearer secret to a token and an organization the token may act in. */
public final class AuthenticateService implements AuthenticateUseCase {
  /** Recording every use would turn each read into a write; once a minute is precise enough. */
  private static final Duration USE_RECORD_INTERVAL = Duration.ofMinutes(1);

  private final TokenStore tokens;
  private final OrgStore orgs;
  private final Clock clock;

  public AuthenticateService(TokenStore tokens, OrgStore orgs, Clock clock) {
    this.tokens = tokens;
    this.orgs = orgs;
    this.clock = clock;
  }

  @Override
  public Caller authenticate(AuthenticateCommand command) {
    if (command.secret() == null || command.secret().isBlank()) {
      throw new Unauthenticated(
          "missing bearer token in the Authorization header", "Authorization");
    }
    String hash = TokenSecret.hash(command.secret().strip());
    ApiToken token =
        tokens
            .findByHash(hash)
            .filter(found -> !found.revoked())
            .orElseThrow(
                () -> new Unauthenticated("invalid or revoked API token", "Authorization"));
    Organization org =
        command.tokenOrgByDefault() && (command.orgSlug() == null || command.orgSlug().isBlank())
            ? orgs.findById(token.orgId())
                .orElseThrow(() -> new NotFound("the token's org no longer exists", "x-org"))
            : resolveOrg(command.orgSlug());
    if (!token.mayActIn(org.id())) {
      throw new Forbidden("this token may not act in org '" + org.slug() + "'", "x-org");
    }
    Instant now = clock.instant();
    if (token.lastUsedAt() == null || token.lastUsedAt().plus(USE_RECORD_INTERVAL).isBefore(now)) {
      tokens.recordUse(token.id(), now);
    }
    return new Caller(token, org);
  }

  private Organization resolveOrg(String slug) {
    if (slug == null || slug.isBlank()) {
      return orgs.findBySlug(OrgSlug.DEFAULT)
          .orElseThrow(() -> new NotFound("org 'default' not found", "x-org"));
    }
    // Zylon accepts an org's slug or its id in x-org.
    String wanted = slug.strip();
    return (OrgSlug.isValid(wanted)
            ? orgs.findBySlug(new OrgSlug(wanted))
            : Optional.<Organization>empty())
        .or(() -> orgs.findById(wanted))
        .orElseThrow(() -> new NotFound("org '" + wanted + "' not found", "x-org"));
  }
}
