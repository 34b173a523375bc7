package dev.lectern.application.service.access;

import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.access.CreateTokenCommand;
import dev.lectern.application.port.in.access.CreateTokenUseCase;
import dev.lectern.application.port.in.access.CreatedToken;
import dev.lectern.application.port.out.OrgStore;
import dev.lectern.application.port.out.TokenStore;
import dev.lectern.domain.org.Organization;
import dev.lectern.domain.token.ApiToken;
import dev.lectern.domain.token.TokenSecret;
import java.time.Clock;
import java.util.UUID;

/** Service: issues tokens; only the hash of the secret is stored. */
public final class CreateTokenService implements CreateTokenUseCase {
  private final TokenStore tokens;
  private final OrgStore orgs;
  private final Clock clock;

  public CreateTokenService(TokenStore tokens, OrgStore orgs, Clock clock) {
    this.tokens = tokens;
    this.orgs = orgs;
    this.clock = clock;
  }

  @Override
  public CreatedToken create(CreateTokenCommand command) {
    Organization org =
        orgs.findBySlug(command.org())
            .orElseThrow(() -> new NotFound("org '" + command.org() + "' not found", "org"));
    String secret = TokenSecret.generate();
    ApiToken token =
        new ApiToken(
            UUID.randomUUID().toString(),
            command.name().strip(),
            command.scope(),
            org.id(),
            clock.instant(),
            null,
            null);
    tokens.save(token, TokenSecret.hash(secret));
    return new CreatedToken(token, secret);
  }
}
