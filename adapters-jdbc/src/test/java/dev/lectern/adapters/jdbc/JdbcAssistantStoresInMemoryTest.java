package dev.lectern.adapters.jdbc;

import dev.lectern.application.contract.AbstractAssistantStoresContractTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

class JdbcAssistantStoresInMemoryTest extends AbstractAssistantStoresContractTest {
  private JdbcDatabase db;

  @Override
  protected void createStores() {
    db = TestDatabases.seeded(JdbcDatabase.h2MemoryUrl(UUID.randomUUID().toString()));
    assistants = new JdbcAssistantStore(db.dataSource());
    conversations = new JdbcConversationStore(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
  }
}
