package dev.lectern.bootstrap.cli;

import dev.lectern.application.port.in.access.CreateTokenCommand;
import dev.lectern.application.port.in.access.CreatedToken;
import dev.lectern.application.service.access.CreateTokenService;
import dev.lectern.application.service.access.ListTokensService;
import dev.lectern.application.service.access.RevokeTokenService;
import dev.lectern.bootstrap.MetadataStores;
import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.org.Organization;
import dev.lectern.domain.token.ApiToken;
import dev.lectern.domain.token.TokenScope;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code token create|list|revoke}. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Manage API tokens.",
    subcommands = {
      TokenCommand.Create.class,
      TokenCommand.ListTokens.class,
      TokenCommand.Revoke.class
    })
public final class TokenCommand {

  /** {@code token create}. */
  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token.")
  static final class Create implements Callable<Integer> {
    @Mixin StorageOptions storage;

    @Option(names = "--name", required = true, description = "A name to recognise it by.")
    String name;

    @Option(names = "--org", defaultValue = "default", description = "Org slug (default: default).")
    String org;

    @Option(
        names = "--scope",
        defaultValue = "org",
        description = "super (every org) or org (one org; default).")
    String scope;

    @Override
    public Integer call() throws Exception {
      TokenScope tokenScope =
          TokenScope.fromWireName(scope)
              .orElseThrow(() -> new IllegalArgumentException("--scope must be super or org"));
      try (MetadataStores stores = Installation.open(storage.config().build(), 2, System.out)) {
        CreatedToken created =
            new CreateTokenService(stores.tokens(), stores.orgs(), Clock.systemUTC())
                .create(new CreateTokenCommand(name, new OrgSlug(org), tokenScope));
        System.out.println(
            "Token " + created.token().id() + " (scope " + scope + ", org " + org + ")");
        System.out.println("Secret (shown once): " + created.secret());
      }
      return 0;
    }
  }

  /** {@code token list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens.")
  static final class ListTokens implements Callable<Integer> {
    @Mixin StorageOptions storage;

    @Override
    public Integer call() throws Exception {
      try (MetadataStores stores = Installation.open(storage.config().build(), 2, System.out)) {
        Map<String, String> slugs =
            stores.orgs().list().stream()
                .collect(Collectors.toMap(Organization::id, o -> o.slug().value()));
        System.out.printf(
            "%-36s  %-20s  %-5s  %-12s  %-20s  %s%n",
            "ID", "NAME", "SCOPE", "ORG", "LAST USED", "STATE");
        for (ApiToken token : new ListTokensService(stores.tokens()).list()) {
          System.out.printf(
              "%-36s  %-20s  %-5s  %-12s  %-20s  %s%n",
              token.id(),
              token.name(),
              token.scope().wireName(),
              slugs.getOrDefault(token.orgId(), token.orgId()),
              token.lastUsedAt() == null ? "never" : token.lastUsedAt().toString(),
              token.revoked() ? "revoked" : "active");
        }
      }
      return 0;
    }
  }

  /** {@code token revoke ID}. */
  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token.")
  static final class Revoke implements Callable<Integer> {
    @Mixin StorageOptions storage;

    @Parameters(paramLabel = "ID", description = "The token id shown by 'token list'.")
    String id;

    @Override
    public Integer call() throws Exception {
      try (MetadataStores stores = Installation.open(storage.config().build(), 2, System.out)) {
        new RevokeTokenService(stores.tokens(), Clock.systemUTC()).revoke(id);
        System.out.println("Revoked " + id);
      }
      return 0;
    }
  }
}
