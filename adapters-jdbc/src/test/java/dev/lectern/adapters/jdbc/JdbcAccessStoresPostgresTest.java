package dev.lectern.adapters.jdbc;

import dev.lectern.application.contract.AbstractAccessStoresContractTest;
import dev.lectern.application.port.out.CollectionStore;
import dev.lectern.application.port.out.OrgStore;
import dev.lectern.application.port.out.TokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = Postgres.URL_VARIABLE, matches = ".+")
class JdbcAccessStoresPostgresTest extends AbstractAccessStoresContractTest {
  private String url;
  private JdbcDatabase db;

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

  @Override
  protected OrgStore orgs() {
    return new JdbcOrgStore(db.dataSource());
  }

  @Override
  protected TokenStore tokens() {
    return new JdbcTokenStore(db.dataSource());
  }

  @Override
  protected CollectionStore collections() {
    return new JdbcCollectionStore(db.dataSource());
  }
}
