package dev.lectern.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.application.error.Conflict;
import dev.lectern.application.error.Forbidden;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.error.NotFound;
import dev.lectern.application.error.Unauthenticated;
import dev.lectern.application.fakes.InMemoryOrgStore;
import dev.lectern.application.fakes.InMemoryTokenStore;
import dev.lectern.application.port.in.access.AuthenticateCommand;
import dev.lectern.application.port.in.access.Caller;
import dev.lectern.application.port.in.access.CreateTokenCommand;
import dev.lectern.application.port.in.access.CreatedToken;
import dev.lectern.application.service.access.AuthenticateService;
import dev.lectern.application.service.access.CreateOrgService;
import dev.lectern.application.service.access.CreateTokenService;
import dev.lectern.application.service.access.InitializeInstallationService;
import dev.lectern.application.service.access.RevokeTokenService;
import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.token.TokenScope;
import dev.lectern.domain.token.TokenSecret;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessServicesTest {
  private final InMemoryOrgStore orgs = new InMemoryOrgStore();
  private final InMemoryTokenStore tokens = new InMemoryTokenStore();
  private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  private final InitializeInstallationService init =
      new InitializeInstallationService(orgs, tokens, clock);
  private final AuthenticateService auth = new AuthenticateService(tokens, orgs, clock);
  private final CreateTokenService createToken = new CreateTokenService(tokens, orgs, clock);
  private final CreateOrgService createOrg = new CreateOrgService(orgs, clock);

  @Test
  void firstStartCreatesDefaultOrgAndOneAdminTokenOnlyOnce() {
    Optional<String> secret = init.initialize(null);
    assertThat(secret).isPresent();
    assertThat(secret.get()).startsWith("lct_").hasSizeGreaterThan(40);
    assertThat(orgs.findBySlug(OrgSlug.DEFAULT)).isPresent();
    assertThat(init.initialize(null)).isEmpty();
    assertThat(tokens.list()).hasSize(1);
    assertThat(tokens.findByHash(TokenSecret.hash(secret.get()))).isPresent();
  }

  @Test
  void presetAdminSecretIsStoredOnlyAsHash() {
    init.initialize("my-preset-secret");
    Caller caller = auth.authenticate(new AuthenticateCommand("my-preset-secret", null));
    assertThat(caller.token().scope()).isEqualTo(TokenScope.SUPER);
    assertThat(caller.org().slug()).isEqualTo(OrgSlug.DEFAULT);
  }

  @Test
  void missingWrongAndRevokedTokensAreUnauthenticated() {
    String secret = init.initialize(null).orElseThrow();
    assertThatThrownBy(() -> auth.authenticate(new AuthenticateCommand(null, null)))
        .isInstanceOf(Unauthenticated.class);
    assertThatThrownBy(() -> auth.authenticate(new AuthenticateCommand("lct_wrong", null)))
        .isInstanceOf(Unauthenticated.class);

    String id = auth.authenticate(new AuthenticateCommand(secret, null)).token().id();
    new RevokeTokenService(tokens, clock).revoke(id);
    assertThatThrownBy(() -> auth.authenticate(new AuthenticateCommand(secret, null)))
        .isInstanceOf(Unauthenticated.class);
    assertThatThrownBy(() -> new RevokeTokenService(tokens, clock).revoke(id))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void orgTokensStayInTheirOrgAndSuperTokensGoAnywhere() {
    String admin = init.initialize(null).orElseThrow();
    createOrg.create(new OrgSlug("acme"));
    CreatedToken acme =
        createToken.create(new CreateTokenCommand("ci", new OrgSlug("acme"), TokenScope.ORG));

    assertThat(
            auth.authenticate(new AuthenticateCommand(acme.secret(), "acme")).org().slug().value())
        .isEqualTo("acme");
    assertThatThrownBy(() -> auth.authenticate(new AuthenticateCommand(acme.secret(), null)))
        .isInstanceOf(Forbidden.class)
        .hasMessageContaining("org 'default'");
    assertThat(auth.authenticate(new AuthenticateCommand(admin, "acme")).org().slug().value())
        .isEqualTo("acme");
    String acmeId = orgs.findBySlug(new OrgSlug("acme")).orElseThrow().id();
    assertThat(auth.authenticate(new AuthenticateCommand(admin, acmeId)).org().slug().value())
        .as("x-org may name the org by id")
        .isEqualTo("acme");
    assertThatThrownBy(() -> auth.authenticate(new AuthenticateCommand(admin, "nowhere")))
        .isInstanceOf(NotFound.class)
        .hasMessageContaining("org 'nowhere' not found");
  }

  @Test
  void orgSlugsAreUniqueAndTokenNamesRequired() {
    createOrg.create(new OrgSlug("acme"));
    assertThatThrownBy(() -> createOrg.create(new OrgSlug("acme"))).isInstanceOf(Conflict.class);
    assertThatThrownBy(() -> new CreateTokenCommand(" ", null, null))
        .isInstanceOf(InvalidRequest.class);
    assertThatThrownBy(
            () -> createToken.create(new CreateTokenCommand("x", new OrgSlug("ghost"), null)))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void anAssistantKeyIsRefusedWhereAnOrganizationsTokenIsNeeded() {
    init.initialize("admin-secret");
    String orgId = orgs.findBySlug(dev.lectern.domain.org.OrgSlug.DEFAULT).orElseThrow().id();
    tokens.save(
        new dev.lectern.domain.token.ApiToken(
            "k1",
            "bot",
            dev.lectern.domain.token.TokenScope.ASSISTANT,
            orgId,
            clock.instant(),
            null,
            null,
            "a1"),
        TokenSecret.hash("bot-key"));

    assertThatThrownBy(() -> auth.authenticate(new AuthenticateCommand("bot-key", null)))
        .isInstanceOf(dev.lectern.application.error.Forbidden.class)
        .hasMessageContaining("one assistant only");
    Caller bot =
        auth.authenticate(
            new AuthenticateCommand(
                "bot-key", null, AuthenticateCommand.OrgChoice.TOKEN_ORG, true));
    assertThat(bot.token().assistantId()).isEqualTo("a1");
    assertThat(bot.org().id()).isEqualTo(orgId);
  }
}
