package dev.lectern.adapters.jdbc;

import dev.lectern.application.contract.AbstractAssistantStoresContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = Postgres.URL_VARIABLE, matches = ".+")
class JdbcAssistantStoresPostgresTest extends AbstractAssistantStoresContractTest {
  private String url;
  private JdbcDatabase db;

  @Override
  protected void createStores() {
    url = Postgres.freshDatabase();
    db = TestDatabases.seeded(url, Postgres.user());
    assistants = new JdbcAssistantStore(db.dataSource());
    conversations = new JdbcConversationStore(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
    Postgres.drop(url);
  }
}
