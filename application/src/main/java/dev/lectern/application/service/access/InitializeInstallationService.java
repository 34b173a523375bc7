package dev.lectern.application.service.access;

import dev.lectern.application.port.in.access.InitializeInstallationUseCase;
import dev.lectern.application.port.out.OrgStore;
import dev.lectern.application.port.out.TokenStore;
import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.org.Organization;
import dev.lectern.domain.token.ApiToken;
import dev.lectern.domain.token.TokenScope;
import dev.lectern.domain.token.TokenSecret;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Service: creates the default org and the first super-admin token of an installation. */
public final class InitializeInstallationService implements InitializeInstallationUseCase {
  private final OrgStore orgs;
  private final TokenStore tokens;
  private final Clock clock;

  public InitializeInstallationService(OrgStore orgs, TokenStore tokens, Clock clock) {
    this.orgs = orgs;
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public Optional<String> initialize(String presetSecret) {
    Organization org = defaultOrg();
    if (presetSecret != null && !presetSecret.isBlank()) {
      String hash = TokenSecret.hash(presetSecret.strip());
      if (tokens.findByHash(hash).isEmpty()) {
        tokens.save(superToken(org, "admin (LECTERN_ADMIN_TOKEN)"), hash);
      }
      return Optional.empty();
    }
    boolean hasAdmin =
        tokens.list().stream().anyMatch(t -> t.scope() == TokenScope.SUPER && !t.revoked());
    if (hasAdmin) {
      return Optional.empty();
    }
    String secret = TokenSecret.generate();
    tokens.save(superToken(org, "admin"), TokenSecret.hash(secret));
    return Optional.of(secret);
  }

  private Organization defaultOrg() {
    Optional<Organization> existing = orgs.findBySlug(OrgSlug.DEFAULT);
    if (existing.isPresent()) {
      return existing.get();
    }
    Organization created =
        new Organization(
            UUID.randomUUID().toString().replace("-", ""), OrgSlug.DEFAULT, clock.instant());
    // Another process may have created it between the lookup and the insert.
    return orgs.create(created).or(() -> orgs.findBySlug(OrgSlug.DEFAULT)).orElseThrow();
  }

  private ApiToken superToken(Organization org, String name) {
    return new ApiToken(
        UUID.randomUUID().toString(),
        name,
        TokenScope.SUPER,
        org.id(),
        clock.instant(),
        null,
        null);
  }
}
