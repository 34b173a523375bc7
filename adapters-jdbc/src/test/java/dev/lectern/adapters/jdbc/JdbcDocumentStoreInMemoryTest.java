package dev.lectern.adapters.jdbc;

import dev.lectern.application.contract.AbstractDocumentStoreContractTest;
import dev.lectern.application.port.out.DocumentStore;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

class JdbcDocumentStoreInMemoryTest extends AbstractDocumentStoreContractTest {
  private JdbcDatabase db;

  @Override
  protected DocumentStore createStore() {
    db = TestDatabases.seeded(JdbcDatabase.h2MemoryUrl(UUID.randomUUID().toString()));
    return new JdbcDocumentStore(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
  }
}
