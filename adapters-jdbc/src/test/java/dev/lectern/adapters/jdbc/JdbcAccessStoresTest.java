package dev.lectern.adapters.jdbc;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class JdbcAccessStoresTest extends JdbcAccessStoresContract {
  @BeforeEach
  void open() {
    db = TestDatabases.seeded(JdbcDatabase.h2MemoryUrl(UUID.randomUUID().toString()));
  }

  @AfterEach
  void close() {
    db.close();
  }
}
