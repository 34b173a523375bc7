package dev.lectern.application.service.access;

import dev.lectern.application.port.in.access.ListOrgsUseCase;
import dev.lectern.application.port.out.OrgStore;
import dev.lectern.domain.org.Organization;
import java.util.List;

/** Service: lists organizations. */
public final class ListOrgsService implements ListOrgsUseCase {
  private final OrgStore orgs;

  public ListOrgsService(OrgStore orgs) {
    this.orgs = orgs;
  }

  @Override
  public List<Organization> list() {
    return orgs.list();
  }
}
