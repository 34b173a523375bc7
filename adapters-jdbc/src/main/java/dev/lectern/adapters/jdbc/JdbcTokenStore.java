package dev.lectern.adapters.jdbc;

import dev.lectern.application.port.out.TokenStore;
import dev.lectern.domain.token.ApiToken;
import dev.lectern.domain.token.TokenScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Adapter: API tokens in the {@code api_tokens} table; only secret hashes are stored. */
public final class JdbcTokenStore implements TokenStore {
  private static final String COLUMNS =
      "SELECT id, name, scope, org_id, created_at, last_used_at, revoked_at, assistant_id"
          + " FROM api_tokens ";
  private final Jdbc jdbc;

  public JdbcTokenStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public void save(ApiToken token, String secretHash) {
    jdbc.update(
        "INSERT INTO api_tokens (id, name, scope, org_id, secret_hash, created_at, last_used_at,"
            + " revoked_at, assistant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        token.id(),
        token.name(),
        token.scope().wireName(),
        token.orgId(),
        secretHash,
        token.createdAt(),
        token.lastUsedAt(),
        token.revokedAt(),
        token.assistantId());
  }

  @Override
  public Optional<ApiToken> findByHash(String secretHash) {
    return jdbc.one(COLUMNS + "WHERE secret_hash = ?", JdbcTokenStore::map, secretHash);
  }

  @Override
  public List<ApiToken> list() {
    return jdbc.list(COLUMNS + "ORDER BY created_at, id", JdbcTokenStore::map);
  }

  @Override
  public List<ApiToken> listForAssistant(String orgId, String assistantId) {
    return jdbc.list(
        COLUMNS + "WHERE org_id = ? AND assistant_id = ? ORDER BY created_at, id",
        JdbcTokenStore::map,
        orgId,
        assistantId);
  }

  @Override
  public boolean revoke(String id, Instant at) {
    return jdbc.update(
            "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at, id)
        == 1;
  }

  @Override
  public void recordUse(String id, Instant at) {
    jdbc.update("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", at, id);
  }

  private static ApiToken map(ResultSet row) throws SQLException {
    return new ApiToken(
        row.getString("id"),
        row.getString("name"),
        TokenScope.fromWireName(row.getString("scope")).orElseThrow(),
        row.getString("org_id"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "last_used_at"),
        Jdbc.instant(row, "revoked_at"),
        row.getString("assistant_id"));
  }
}
