package dev.lectern.application.port.in.access;

import dev.lectern.domain.org.Organization;
import java.util.List;

/** Use case: listing organizations. */
public interface ListOrgsUseCase {
  List<Organization> list();
}
