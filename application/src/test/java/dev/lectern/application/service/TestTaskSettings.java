package dev.lectern.application.service;

import dev.lectern.application.service.task.TaskEngine;
import dev.lectern.domain.task.RetrySchedule;
import java.time.Duration;

/** Task engine settings for service tests: one worker on node "n1", quick polling and retries. */
final class TestTaskSettings {
  private TestTaskSettings() {}

  static TaskEngine.Settings oneWorker() {
    return workers(1, new RetrySchedule(3, Duration.ofSeconds(1), Duration.ofSeconds(10)));
  }

  static TaskEngine.Settings workers(int count, RetrySchedule retry) {
    return new TaskEngine.Settings(
        "n1", count, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMillis(20), retry);
  }
}
