package dev.lectern.adapters.jdbc;

import dev.lectern.application.contract.AbstractTaskQueueContractTest;
import dev.lectern.application.port.out.TaskQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = Postgres.URL_VARIABLE, matches = ".+")
class JdbcTaskQueuePostgresTest extends AbstractTaskQueueContractTest {
  private String url;
  private JdbcDatabase db;

  @Override
  protected TaskQueue createQueue() {
    url = Postgres.freshDatabase();
    db = TestDatabases.seeded(url, Postgres.user());
    return new JdbcTaskQueue(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
    Postgres.drop(url);
  }
}
