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
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
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
  private static final String ROW = "%-36s  %-20s  %-5s  %-12s  %-27s  %s%n";

  /** {@code token create}. */
  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token.")
  static final class Create extends StoreCommand {
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
    void run(MetadataStores stores) {
      TokenScope tokenScope =
          TokenScope.fromWireName(scope)
              .orElseThrow(() -> new IllegalArgumentException("--scope must be super or org"));
      CreatedToken created =
          new CreateTokenService(stores.tokens(), stores.orgs(), Clock.systemUTC())
              .create(new CreateTokenCommand(name, new OrgSlug(org), tokenScope));
      out().println("Token " + created.token().id() + " (scope " + scope + ", org " + org + ")");
      out().println("Secret (shown once): " + created.secret());
    }
  }

  /** {@code token list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens.")
  static final class ListTokens extends StoreCommand {
    @Override
    void run(MetadataStores stores) {
      Map<String, String> slugs =
          stores.orgs().list().stream()
              .collect(Collectors.toMap(Organization::id, o -> o.slug().value()));
      out().printf(ROW, "ID", "NAME", "SCOPE", "ORG", "LAST USED", "STATE");
      for (ApiToken token : new ListTokensService(stores.tokens()).list()) {
        out()
            .printf(
                ROW,
                token.id(),
                token.name(),
                token.scope().wireName(),
                slugs.getOrDefault(token.orgId(), token.orgId()),
                token.lastUsedAt() == null ? "never" : token.lastUsedAt().toString(),
                token.revoked() ? "revoked" : "active");
      }
    }
  }

  /** {@code token revoke ID}. */
  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token.")
  static final class Revoke extends StoreCommand {
    @Parameters(paramLabel = "ID", description = "The token id shown by 'token list'.")
    String id;

    @Override
    void run(MetadataStores stores) {
      new RevokeTokenService(stores.tokens(), Clock.systemUTC()).revoke(id);
      out().println("Revoked " + id);
    }
  }
}
