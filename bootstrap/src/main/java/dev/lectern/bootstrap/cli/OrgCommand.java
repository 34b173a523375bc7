package dev.lectern.bootstrap.cli;

import dev.lectern.application.service.access.CreateOrgService;
import dev.lectern.application.service.access.ListOrgsService;
import dev.lectern.bootstrap.MetadataStores;
import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.org.Organization;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code org create|list}. */
@Command(
    name = "org",
    mixinStandardHelpOptions = true,
    description = "Manage organizations.",
    subcommands = {OrgCommand.Create.class, OrgCommand.ListOrgs.class})
public final class OrgCommand {
  private static final String ROW = "%-32s  %-24s  %s%n";

  /** {@code org create SLUG}. */
  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an org.")
  static final class Create extends StoreCommand {
    @Parameters(paramLabel = "SLUG", description = "Lowercase letters, digits, '-' and '_'.")
    String slug;

    @Override
    void run(MetadataStores stores) {
      Organization org =
          new CreateOrgService(stores.orgs(), Clock.systemUTC()).create(new OrgSlug(slug));
      out().println("Created org " + org.slug() + " (" + org.id() + ")");
    }
  }

  /** {@code org list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List orgs.")
  static final class ListOrgs extends StoreCommand {
    @Override
    void run(MetadataStores stores) {
      out().printf(ROW, "ID", "SLUG", "CREATED");
      for (Organization org : new ListOrgsService(stores.orgs()).list()) {
        out().printf(ROW, org.id(), org.slug(), org.createdAt());
      }
    }
  }
}
