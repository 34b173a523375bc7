package dev.lectern.domain.token;

import java.time.Instant;
import java.util.Objects;

/**
 * Entity: an API token's public record. The secret itself is never kept; only its hash is stored.
 *
 * @param orgId the organization the token belongs to; a super-admin token belongs to {@code
 *     default} but may act in any organization
 */
public record ApiToken(
    String id,
    String name,
    TokenScope scope,
    String orgId,
    Instant createdAt,
    Instant lastUsedAt,
    Instant revokedAt) {

  public ApiToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  /** Whether this token may act inside the given organization. */
  public boolean mayActIn(String otherOrgId) {
    return scope == TokenScope.SUPER || orgId.equals(otherOrgId);
  }
}
