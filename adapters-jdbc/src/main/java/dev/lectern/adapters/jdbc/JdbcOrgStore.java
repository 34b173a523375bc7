package dev.lectern.adapters.jdbc;

import dev.lectern.application.port.out.OrgStore;
import dev.lectern.domain.org.OrgSlug;
import dev.lectern.domain.org.Organization;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Adapter: organizations in the {@code orgs} table. */
public final class JdbcOrgStore implements OrgStore {
  private static final String COLUMNS = "SELECT id, slug, created_at FROM orgs ";
  private final Jdbc jdbc;

  public JdbcOrgStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Optional<Organization> create(Organization org) {
    try {
      jdbc.transaction(
          c ->
              Jdbc.update(
                  c,
                  "INSERT INTO orgs (id, slug, created_at) VALUES (?, ?, ?)",
                  org.id(),
                  org.slug().value(),
                  org.createdAt()));
      return Optional.of(org);
    } catch (dev.lectern.application.error.LecternException e) {
      if (Jdbc.isUniqueViolation(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Optional<Organization> findBySlug(OrgSlug slug) {
    return jdbc.one(COLUMNS + "WHERE slug = ?", JdbcOrgStore::map, slug.value());
  }

  @Override
  public Optional<Organization> findById(String id) {
    return jdbc.one(COLUMNS + "WHERE id = ?", JdbcOrgStore::map, id);
  }

  @Override
  public List<Organization> list() {
    return jdbc.list(COLUMNS + "ORDER BY created_at, slug", JdbcOrgStore::map);
  }

  private static Organization map(ResultSet row) throws SQLException {
    return new Organization(
        row.getString("id"), new OrgSlug(row.getString("slug")), Jdbc.instant(row, "created_at"));
  }
}
