package dev.lectern.adapters.jdbc;

import static dev.lectern.application.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.contract.AbstractTaskQueueContractTest;
import dev.lectern.application.port.out.TaskQueue;
import dev.lectern.domain.task.Task;
import dev.lectern.domain.task.TaskId;
import dev.lectern.domain.task.TaskKind;
import dev.lectern.domain.task.TaskStatus;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcTaskQueueOnDiskTest extends AbstractTaskQueueContractTest {
  @TempDir Path dir;
  private JdbcDatabase db;

  @Override
  protected TaskQueue createQueue() {
    db = TestDatabases.seeded(JdbcDatabase.h2Url(dir));
    return new JdbcTaskQueue(db.dataSource());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void anAcceptedTaskSurvivesReopeningAndARunningOneIsRecovered() {
    Task waiting =
        Task.submitted(TaskId.random(), "org1", TaskKind.ARTIFACT_DELETE, "x", Map.of(), 3, T0);
    Task running =
        Task.submitted(TaskId.random(), "org1", TaskKind.ARTIFACT_DELETE, "y", Map.of(), 3, T0);
    queue.submit(running, 10);
    queue.claim("node", T0, T0.plusSeconds(60)).orElseThrow();
    queue.submit(waiting, 10);
    db.close();

    db = JdbcDatabase.open(JdbcDatabase.h2Url(dir), "sa", "", 2);
    TaskQueue reopened = new JdbcTaskQueue(db.dataSource());
    assertThat(reopened.find("org1", waiting.id()).orElseThrow().status())
        .isEqualTo(TaskStatus.PENDING);
    assertThat(reopened.recover("node", T0)).isEqualTo(1);
    assertThat(reopened.find("org1", running.id()).orElseThrow().status())
        .isEqualTo(TaskStatus.PENDING);
    assertThat(reopened.subjectBusy("org1", "y")).isTrue();
  }
}
