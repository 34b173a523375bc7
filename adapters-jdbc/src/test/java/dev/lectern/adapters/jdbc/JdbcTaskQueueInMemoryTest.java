package dev.lectern.adapters.jdbc;

import dev.lectern.application.contract.AbstractTaskQueueContractTest;
import dev.lectern.application.port.out.TaskQueue;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

class JdbcTaskQueueInMemoryTest extends AbstractTaskQueueContractTest {
  private JdbcDatabase db;

  @Override
  protected TaskQueue createQueue() {
    db = TestDatabases.seeded(JdbcDatabase.h2MemoryUrl(UUID.randomUUID().toString()));
    return new JdbcTaskQueue(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
  }
}
