package dev.lectern.adapters.jdbc;

import dev.lectern.application.port.out.CollectionStore;
import dev.lectern.domain.collection.Collection;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.collection.Language;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Optional;
import javax.sql.DataSource;

/** Adapter: collections and their catalogue entries in the {@code collections} table. */
public final class JdbcCollectionStore implements CollectionStore {
  private static final String FIND =
      "SELECT org_id, id, name, language, chunk_tokens, created_at FROM collections"
          + " WHERE org_id = ? AND id = ?";
  private static final int MAX_RENAMES = 1000;
  private final Jdbc jdbc;

  public JdbcCollectionStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Optional<Collection> find(String orgId, CollectionId id) {
    return jdbc.one(FIND, JdbcCollectionStore::map, orgId, id.value());
  }

  @Override
  public Collection findOrCreate(Collection candidate) {
    Optional<Collection> existing = find(candidate.orgId(), candidate.id());
    if (existing.isPresent()) {
      return existing.get();
    }
    return jdbc.transaction(c -> insertWithFreeName(c, candidate));
  }

  private static Collection insertWithFreeName(Connection c, Collection candidate)
      throws SQLException {
    for (int n = 0; n <= MAX_RENAMES; n++) {
      Optional<Collection> raced =
          Jdbc.one(c, FIND, JdbcCollectionStore::map, candidate.orgId(), candidate.id().value());
      if (raced.isPresent()) {
        return raced.get();
      }
      String name = n == 0 ? candidate.name() : candidate.name() + "(" + n + ")";
      Savepoint savepoint = c.setSavepoint();
      try {
        Jdbc.update(
            c,
            "INSERT INTO collections (org_id, id, name, language, chunk_tokens, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
            candidate.orgId(),
            candidate.id().value(),
            name,
            candidate.language().displayName(),
            candidate.chunkTokens(),
            candidate.createdAt());
        return candidate.withName(name);
      } catch (SQLException e) {
        if (!Jdbc.isUniqueViolation(e)) {
          throw e;
        }
        c.rollback(savepoint);
      }
    }
    throw new SQLException("no free name for collection " + candidate.id());
  }

  private static Collection map(ResultSet row) throws SQLException {
    return new Collection(
        row.getString("org_id"),
        new CollectionId(row.getString("id")),
        row.getString("name"),
        Language.fromName(row.getString("language")).orElse(Language.ENGLISH),
        row.getInt("chunk_tokens"),
        Jdbc.instant(row, "created_at"));
  }
}
