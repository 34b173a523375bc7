package dev.lectern.adapters.jdbc;

import dev.lectern.application.contract.AbstractAccessStoresContractTest;
import dev.lectern.application.port.out.CollectionStore;
import dev.lectern.application.port.out.OrgStore;
import dev.lectern.application.port.out.TokenStore;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

class JdbcAccessStoresTest extends AbstractAccessStoresContractTest {
  private final JdbcDatabase db =
      TestDatabases.seeded(JdbcDatabase.h2MemoryUrl(UUID.randomUUID().toString()));

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

  @AfterEach
  void close() {
    db.close();
  }
}
