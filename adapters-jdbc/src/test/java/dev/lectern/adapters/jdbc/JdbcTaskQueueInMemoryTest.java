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

  @org.junit.jupiter.api.Test
  void textsLongerThanTheirColumnsAreCutNotRefused() {
    var task =
        dev.lectern.domain.task.Task.submitted(
            dev.lectern.domain.task.TaskId.random(),
            "org1",
            dev.lectern.domain.task.TaskKind.ARTIFACT_INGEST,
            "long",
            java.util.Map.of(),
            3,
            java.time.Instant.parse("2026-01-01T00:00:00Z"));
    queue.submit(task, 10);
    var now = java.time.Instant.parse("2026-01-01T00:00:01Z");
    var claimed = queue.claim("node", now, now.plusSeconds(30)).orElseThrow();
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (int i = 0; i < 600; i++) {
      lines.add(i + " " + "\u0001".repeat(900));
    }

    org.assertj.core.api.Assertions.assertThat(
            queue.finish(
                claimed,
                dev.lectern.domain.task.TaskStatus.FAILURE,
                null,
                "head " + "y".repeat(6000) + " tail",
                lines,
                now))
        .isTrue();
    var stored = queue.find("org1", task.id()).orElseThrow();
    org.assertj.core.api.Assertions.assertThat(stored.error())
        .hasSizeLessThanOrEqualTo(4000)
        .startsWith("head ")
        .endsWith(" tail");
    org.assertj.core.api.Assertions.assertThat(stored.messages())
        .isNotEmpty()
        .last()
        .asString()
        .startsWith("599 ");
  }
}
