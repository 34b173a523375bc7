package dev.lectern.application.port.out;

import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.org.Organization;
import java.util.List;
import java.util.Optional;

/** Port: persistence of organizations. */
public interface OrgStore {
  /** Creates the organization; empty when the slug is already taken. */
  Optional<Organization> create(Organization organization);

  Optional<Organization> findBySlug(OrgSlug slug);

  Optional<Organization> findById(String id);

  List<Organization> list();
}
