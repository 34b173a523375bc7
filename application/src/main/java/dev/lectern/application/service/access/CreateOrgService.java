package dev.lectern.application.service.access;

import dev.lectern.application.error.Conflict;
import dev.lectern.application.port.in.access.CreateOrgUseCase;
import dev.lectern.application.port.out.OrgStore;
import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.org.Organization;
import java.time.Clock;
import java.util.UUID;

/** Service: creates organizations with unique slugs. */
public final class CreateOrgService implements CreateOrgUseCase {
  private final OrgStore orgs;
  private final Clock clock;

  public CreateOrgService(OrgStore orgs, Clock clock) {
    this.orgs = orgs;
    this.clock = clock;
  }

  @Override
  public Organization create(OrgSlug slug) {
    Organization org =
        new Organization(UUID.randomUUID().toString().replace("-", ""), slug, clock.instant());
    return orgs.create(org)
        .orElseThrow(() -> new Conflict("org '" + slug + "' already exists", "slug"));
  }
}
