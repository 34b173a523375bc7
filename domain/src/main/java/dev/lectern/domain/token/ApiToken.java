package dev.lectern.domain.token;

import java.time.Instant;
import java.util.Objects;

/**
 * Entity: an API token's public record. The secret itself is never kept; only its hash is stored.
 *
 * @param orgId the organization the token belongs to; a super-admin token belongs to {@code
 *     default} but may act in any organization
 * @param assistantId for an {@link TokenScope#ASSISTANT} key, the assistant it reaches; else null
 */
public record ApiToken(
    String id,
    String name,
    TokenScope scope,
    String orgId,
    Instant createdAt,
    Instant lastUsedAt,
    Instant revokedAt,
    String assistantId) {

  public ApiToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(createdAt, "createdAt");
    if ((scope == TokenScope.ASSISTANT) != (assistantId != null)) {
      throw new IllegalArgumentException("an assistant key, and only one, names its assistant");
    }
  }

  /** A token of an organization or of every one. */
  public ApiToken(
      String id,
      String name,
      TokenScope scope,
      String orgId,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {
    this(id, name, scope, orgId, createdAt, lastUsedAt, revokedAt, null);
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  /** Whether this token reaches more than one assistant (what the knowledge APIs need). */
  public boolean orgWide() {
    return scope != TokenScope.ASSISTANT;
  }
}
