package dev.lectern.adapters.jdbc;

import dev.lectern.application.contract.AbstractArtifactStoreContractTest;
import dev.lectern.application.port.out.ArtifactStore;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

class JdbcArtifactStoreInMemoryTest extends AbstractArtifactStoreContractTest {
  private JdbcDatabase db;

  @Override
  protected ArtifactStore createStore() {
    db = TestDatabases.seeded(JdbcDatabase.h2MemoryUrl(UUID.randomUUID().toString()));
    return new JdbcArtifactStore(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
  }
}
