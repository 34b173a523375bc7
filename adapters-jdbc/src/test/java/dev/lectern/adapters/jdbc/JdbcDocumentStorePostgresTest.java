package dev.lectern.adapters.jdbc;

import dev.lectern.application.contract.AbstractDocumentStoreContractTest;
import dev.lectern.application.port.out.DocumentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = Postgres.URL_VARIABLE, matches = ".+")
class JdbcDocumentStorePostgresTest extends AbstractDocumentStoreContractTest {
  private String url;
  private JdbcDatabase db;

  @Override
  protected DocumentStore createStore() {
    url = Postgres.freshDatabase();
    db = TestDatabases.seeded(url, Postgres.user());
    return new JdbcDocumentStore(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
    Postgres.drop(url);
  }
}
