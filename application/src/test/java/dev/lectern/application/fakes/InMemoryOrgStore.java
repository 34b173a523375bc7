package dev.lectern.application.fakes;

import dev.lectern.application.port.out.OrgStore;
import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.org.Organization;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Fake: organizations in a list. */
public final class InMemoryOrgStore implements OrgStore {
  private final List<Organization> orgs = new ArrayList<>();

  @Override
  public synchronized Optional<Organization> create(Organization organization) {
    if (findBySlug(organization.slug()).isPresent()) {
      return Optional.empty();
    }
    orgs.add(organization);
    return Optional.of(organization);
  }

  @Override
  public synchronized Optional<Organization> findBySlug(OrgSlug slug) {
    return orgs.stream().filter(o -> o.slug().equals(slug)).findFirst();
  }

  @Override
  public synchronized Optional<Organization> findById(String id) {
    return orgs.stream().filter(o -> o.id().equals(id)).findFirst();
  }

  @Override
  public synchronized List<Organization> list() {
    return List.copyOf(orgs);
  }
}
