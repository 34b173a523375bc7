package dev.lectern.application.service.access;

import dev.lectern.application.port.in.access.ListTokensUseCase;
import dev.lectern.application.port.out.TokenStore;
import dev.lectern.domain.token.ApiToken;
import java.util.List;

/** Service: lists tokens without their secrets, which are never stored. */
public final class ListTokensService implements ListTokensUseCase {
  private final TokenStore tokens;

  public ListTokensService(TokenStore tokens) {
    this.tokens = tokens;
  }

  @Override
  public List<ApiToken> list() {
    return tokens.list();
  }
}
