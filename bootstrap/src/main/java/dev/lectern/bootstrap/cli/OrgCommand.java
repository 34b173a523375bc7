package dev.lectern.bootstrap.cli;

import dev.lectern.application.service.access.CreateOrgService;
import dev.lectern.application.service.access.ListOrgsService;
import dev.lectern.bootstrap.MetadataStores;
import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.org.Organization;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code org create|list}. */
@Command(
    name = "org",
    mixinStandardHelpOptions = true,
    description = "Manage organizations.",
    subcommands = {OrgCommand.Create.class, OrgCommand.ListOrgs.class})
public final class OrgCommand {

  /** {@code org create SLUG}. */
  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an org.")
  static final class Create implements Callable<Integer> {
    @Mixin StorageOptions storage;

    @Parameters(paramLabel = "SLUG", description = "Lowercase letters, digits, '-' and '_'.")
    String slug;

    @Override
    public Integer call() throws Exception {
      try (MetadataStores stores = Installation.open(storage.config().build(), 2, System.out)) {
        Organization org =
            new CreateOrgService(stores.orgs(), Clock.systemUTC()).create(new OrgSlug(slug));
        System.out.println("Created org " + org.slug() + " (" + org.id() + ")");
      }
      return 0;
    }
  }

  /** {@code org list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List orgs.")
  static final class ListOrgs implements Callable<Integer> {
    @Mixin StorageOptions storage;

    @Override
    public Integer call() throws Exception {
      try (MetadataStores stores = Installation.open(storage.config().build(), 2, System.out)) {
        System.out.printf("%-32s  %-24s  %s%n", "ID", "SLUG", "CREATED");
        for (Organization org : new ListOrgsService(stores.orgs()).list()) {
          System.out.printf("%-32s  %-24s  %s%n", org.id(), org.slug(), org.createdAt());
        }
      }
      return 0;
    }
  }
}
