package dev.lectern.application.service.access;

import dev.lectern.application.error.Forbidden;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.error.Unauthenticated;
import dev.lectern.application.port.in.access.AuthenticateCommand;
import dev.lectern.application.port.in.access.AuthenticateUseCase;
import dev.lectern.application.port.in.access.Caller;
import dev.lectern.application.port.out.AssistantStore;
import dev.lectern.application.port.out.OrgStore;
import dev.lectern.application.port.out.TokenStore;
import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.org.Organization;
import dev.lectern.domain.text.TextLimits;
import dev.lectern.domain.token.ApiToken;
import dev.lectern.domain.token.TokenScope;
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
  private final AssistantStore assistants;
  private final Clock clock;

  public AuthenticateService(TokenStore tokens, OrgStore orgs, Clock clock) {
    this(tokens, orgs, null, clock);
  }

  /**
   * With {@code assistants}, a key of an assistant deleted since (its keys are revoked with it) is
   * told apart from a bad key where assistant keys are accepted: the bot and agent APIs answer "not
   * found" for it, as their products do.
   */
  public AuthenticateService(
      TokenStore tokens, OrgStore orgs, AssistantStore assistants, Clock clock) {
    this.tokens = tokens;
    this.orgs = orgs;
    this.assistants = assistants;
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
            .filter(found -> !found.revoked() || deletedWithItsAssistant(found, command))
            .orElseThrow(
                () -> new Unauthenticated("invalid or revoked API token", "Authorization"));
    if (token.revoked()) {
      throw NotFound.of("the assistant of this key was deleted", "assistant", token.assistantId());
    }
    if (!token.orgWide() && !command.assistantKeys()) {
      throw new Forbidden(
          "this key reaches one assistant only; use an organization's token here", "Authorization");
    }
    Organization org = organization(token, command);
    Instant now = clock.instant();
    if (token.lastUsedAt() == null || token.lastUsedAt().plus(USE_RECORD_INTERVAL).isBefore(now)) {
      tokens.recordUse(token.id(), now);
    }
    return new Caller(token, org);
  }

  private boolean deletedWithItsAssistant(ApiToken token, AuthenticateCommand command) {
    return assistants != null
        && command.assistantKeys()
        && token.assistantId() != null
        && assistants.find(token.orgId(), token.assistantId()).isEmpty();
  }

  /**
   * The organization the caller acts in. A token bound to one organization learns nothing about
   * others: naming any other one, existing or not, is forbidden alike.
   */
  private Organization organization(ApiToken token, AuthenticateCommand command) {
    String wanted = command.orgSlug() == null ? "" : command.orgSlug().strip();
    if (wanted.isEmpty() && command.orgChoice() == AuthenticateCommand.OrgChoice.TOKEN_ORG) {
      return orgs.findById(token.orgId())
          .orElseThrow(() -> new NotFound("the token's org no longer exists", "x-org"));
    }
    if (token.scope() == TokenScope.SUPER) {
      return resolveOrg(wanted);
    }
    Organization own =
        orgs.findById(token.orgId())
            .orElseThrow(() -> new NotFound("the token's org no longer exists", "x-org"));
    String asked = wanted.isEmpty() ? OrgSlug.DEFAULT.value() : wanted;
    if (!asked.equals(own.slug().value()) && !asked.equals(own.id())) {
      throw new Forbidden(
          "this token may not act in org '" + TextLimits.cut(asked, 100) + "'", "x-org");
    }
    return own;
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
        .orElseThrow(
            () -> new NotFound("org '" + TextLimits.cut(wanted, 100) + "' not found", "x-org"));
  }
}
