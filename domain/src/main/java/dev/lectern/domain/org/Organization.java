package dev.lectern.domain.org;

import java.time.Instant;
import java.util.Objects;

/** Entity: a tenant; every collection, artifact and token belongs to exactly one. */
public record Organization(String id, OrgSlug slug, Instant createdAt) {
  public Organization {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
