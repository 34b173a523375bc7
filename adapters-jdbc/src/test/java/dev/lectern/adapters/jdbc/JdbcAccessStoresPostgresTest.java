package dev.lectern.adapters.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = Postgres.URL_VARIABLE, matches = ".+")
class JdbcAccessStoresPostgresTest extends JdbcAccessStoresContract {
  private String url;

  @BeforeEach
  void open() {
    url = Postgres.freshDatabase();
    db = TestDatabases.seeded(url, Postgres.user());
  }

  @AfterEach
  void close() {
    db.close();
    Postgres.drop(url);
  }
}
