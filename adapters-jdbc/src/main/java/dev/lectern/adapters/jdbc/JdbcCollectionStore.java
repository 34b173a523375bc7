package dev.lectern.adapters.jdbc;

import dev.lectern.application.port.out.CollectionStore;
import dev.lectern.domain.collection.Collection;
import dev.lectern.domain.collection.CollectionId;
import dev.lectern.domain.collection.DatasetProfile;
import dev.lectern.domain.collection.Language;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Adapter: collections and their catalogue entries in the {@code collections} table. Writes that
 * pick or change a name lock the org's row first, so the case-insensitive name check cannot race.
 */
public final class JdbcCollectionStore implements CollectionStore {
  private static final String COLUMNS =
      "org_id, id, name, language, chunk_tokens, created_at, updated_at, description, avatar,"
          + " embedding_model, permission, chunk_method, parser_config, pagerank";
  private static final String FIND =
      "SELECT " + COLUMNS + " FROM collections WHERE org_id = ? AND id = ?";
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
  public List<Collection> list(String orgId) {
    return jdbc.list(
        "SELECT " + COLUMNS + " FROM collections WHERE org_id = ? ORDER BY created_at, id",
        JdbcCollectionStore::map,
        orgId);
  }

  @Override
  public Collection findOrCreate(Collection candidate) {
    Optional<Collection> existing = find(candidate.orgId(), candidate.id());
    if (existing.isPresent()) {
      return existing.get();
    }
    return jdbc.transaction(c -> insertWithFreeName(c, candidate));
  }

  @Override
  public boolean update(Collection changed) {
    return jdbc.transaction(
        c -> {
          lockOrg(c, changed.orgId());
          if (nameTaken(c, changed.orgId(), changed.name(), changed.id())) {
            return false;
          }
          DatasetProfile p = changed.profile();
          Jdbc.update(
              c,
              "UPDATE collections SET name = ?, language = ?, chunk_tokens = ?, updated_at = ?,"
                  + " description = ?, avatar = ?, embedding_model = ?, permission = ?,"
                  + " chunk_method = ?, parser_config = ?, pagerank = ?"
                  + " WHERE org_id = ? AND id = ?",
              changed.name(),
              changed.language().displayName(),
              changed.chunkTokens(),
              changed.updatedAt(),
              p.description(),
              p.avatar(),
              p.embeddingModel(),
              p.permission(),
              p.chunkMethod().code(),
              MetadataJson.write(p.parserConfig()),
              p.pagerank(),
              changed.orgId(),
              changed.id().value());
          return true;
        });
  }

  @Override
  public void delete(String orgId, CollectionId id) {
    jdbc.update("DELETE FROM collections WHERE org_id = ? AND id = ?", orgId, id.value());
  }

  private static Collection insertWithFreeName(Connection c, Collection candidate)
      throws SQLException {
    lockOrg(c, candidate.orgId());
    Optional<Collection> raced =
        Jdbc.one(c, FIND, JdbcCollectionStore::map, candidate.orgId(), candidate.id().value());
    if (raced.isPresent()) {
      return raced.get();
    }
    for (int n = 0; n <= MAX_RENAMES; n++) {
      String name = n == 0 ? candidate.name() : candidate.name() + "(" + n + ")";
      if (nameTaken(c, candidate.orgId(), name, null)) {
        continue;
      }
      Collection stored = candidate.withName(name);
      DatasetProfile p = stored.profile();
      Jdbc.update(
          c,
          "INSERT INTO collections ("
              + COLUMNS
              + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          stored.orgId(),
          stored.id().value(),
          stored.name(),
          stored.language().displayName(),
          stored.chunkTokens(),
          stored.createdAt(),
          stored.updatedAt(),
          p.description(),
          p.avatar(),
          p.embeddingModel(),
          p.permission(),
          p.chunkMethod().code(),
          MetadataJson.write(p.parserConfig()),
          p.pagerank());
      return stored;
    }
    throw new SQLException("no free name for collection " + candidate.id());
  }

  private static void lockOrg(Connection c, String orgId) throws SQLException {
    Jdbc.list(c, "SELECT id FROM orgs WHERE id = ? FOR UPDATE", row -> row.getString(1), orgId);
  }

  private static boolean nameTaken(Connection c, String orgId, String name, CollectionId except)
      throws SQLException {
    return Jdbc.one(
            c,
            "SELECT id FROM collections WHERE org_id = ? AND LOWER(name) = ? AND id <> ?",
            row -> row.getString(1),
            orgId,
            name.toLowerCase(Locale.ROOT),
            except == null ? "" : except.value())
        .isPresent();
  }

  private static Collection map(ResultSet row) throws SQLException {
    return new Collection(
        row.getString("org_id"),
        new CollectionId(row.getString("id")),
        row.getString("name"),
        Language.fromName(row.getString("language")).orElse(Language.ENGLISH),
        row.getInt("chunk_tokens"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "updated_at"),
        new DatasetProfile(
            row.getString("description"),
            row.getString("avatar"),
            row.getString("embedding_model"),
            row.getString("permission"),
            Jdbc.chunkMethod(row.getString("chunk_method")),
            MetadataJson.read(row.getString("parser_config")),
            row.getInt("pagerank")));
  }
}
