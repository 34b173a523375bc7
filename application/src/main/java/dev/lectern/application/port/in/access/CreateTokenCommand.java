package dev.lectern.application.port.in.access;

import dev.lectern.application.error.InvalidRequest;
import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.token.TokenScope;

/** Input of {@link CreateTokenUseCase}. */
public record CreateTokenCommand(String name, OrgSlug org, TokenScope scope) {
  public CreateTokenCommand {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new InvalidRequest("name must be 1-200 characters", "name");
    }
    if (org == null) {
      org = OrgSlug.DEFAULT;
    }
    if (scope == null) {
      scope = TokenScope.ORG;
    }
  }
}
