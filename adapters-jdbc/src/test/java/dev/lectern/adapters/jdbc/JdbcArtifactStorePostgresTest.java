package dev.lectern.adapters.jdbc;

import dev.lectern.application.contract.AbstractArtifactStoreContractTest;
import dev.lectern.application.port.out.ArtifactStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = Postgres.URL_VARIABLE, matches = ".+")
class JdbcArtifactStorePostgresTest extends AbstractArtifactStoreContractTest {
  private String url;
  private JdbcDatabase db;

  @Override
  protected ArtifactStore createStore() {
    url = Postgres.freshDatabase();
    db = TestDatabases.seeded(url, Postgres.user());
    return new JdbcArtifactStore(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
    Postgres.drop(url);
  }
}
