package dev.lectern.application.service.access;

import dev.lectern.application.error.NotFound;
import dev.lectern.application.port.in.access.RevokeTokenUseCase;
import dev.lectern.application.port.out.TokenStore;
import java.time.Clock;

/** Service: revokes a token; later requests with it are refused. */
public final class RevokeTokenService implements RevokeTokenUseCase {
  private final TokenStore tokens;
  private final Clock clock;

  public RevokeTokenService(TokenStore tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public void revoke(String tokenId) {
    if (!tokens.revoke(tokenId, clock.instant())) {
      throw new NotFound("no active token with id '" + tokenId + "'", "id");
    }
  }
}
