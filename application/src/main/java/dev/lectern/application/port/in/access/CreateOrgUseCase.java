package dev.lectern.application.port.in.access;

import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.org.Organization;

/** Use case: creating an organization. */
public interface CreateOrgUseCase {
  Organization create(OrgSlug slug);
}
