package dev.lectern.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.fakes.InMemoryTaskQueue;
import dev.lectern.application.fakes.RecordingTaskEvents;
import dev.lectern.application.service.task.TaskAdminService;
import dev.lectern.application.service.task.TaskEngine;
import dev.lectern.application.service.task.TaskSubmitter;
import dev.lectern.application.service.task.TaskWorkers;
import dev.lectern.domain.task.RetrySchedule;
import dev.lectern.domain.task.TaskId;
import dev.lectern.domain.task.TaskKind;
import dev.lectern.domain.task.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskWorkersTest {
  private final InMemoryTaskQueue queue = new InMemoryTaskQueue();
  private final RecordingTaskEvents events = new RecordingTaskEvents();
  private final Clock clock = Clock.systemUTC();
  private final TaskAdminService admin = new TaskAdminService(queue, clock);

  @Test
  void workersSurviveErrorsOfTheirTasksAndOfTheirOwnReportingAndStayCounted() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger claimFailures = new AtomicInteger(3);
    dev.lectern.application.port.out.TaskQueue failingClaims =
        (dev.lectern.application.port.out.TaskQueue)
            java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {dev.lectern.application.port.out.TaskQueue.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("claim") && claimFailures.getAndDecrement() > 0) {
                    throw new OutOfMemoryError("simulated: no heap to claim a task with");
                  }
                  try {
                    return method.invoke(queue, args);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    TaskEngine engine =
        new TaskEngine(
            failingClaims,
            Map.of(
                TaskKind.ARTIFACT_INGEST,
                (task, context) -> {
                  runs.incrementAndGet();
                  if (task.attempts() == 1) {
                    throw new OutOfMemoryError("simulated");
                  }
                  return Map.of();
                }),
            events,
            clock,
            TestTaskSettings.workers(2, new RetrySchedule(3, Duration.ZERO, Duration.ZERO)));
    CopyOnWriteArrayList<Throwable> crashes = new CopyOnWriteArrayList<>();
    TaskWorkers workers =
        new TaskWorkers(
            engine,
            error -> {
              crashes.add(error);
              throw new StackOverflowError("simulated: the reporter broke too");
            });
    TaskSubmitter submitter =
        new TaskSubmitter(queue, events, clock, new TaskSubmitter.Limits(100, 3), workers::nudge);
    assertThat(workers.health().problem(clock.instant())).as("not started yet").isEmpty();
    workers.start();
    try {
      TaskId[] ids = new TaskId[6];
      for (int i = 0; i < ids.length; i++) {
        ids[i] =
            submitter.submit(
                "org1", TaskKind.ARTIFACT_INGEST, "s" + i, Map.of(), "busy", "artifact");
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline && !allEnded(ids)) {
        Thread.sleep(20);
      }
      for (TaskId id : ids) {
        assertThat(admin.find("org1", id.value()).status()).isEqualTo(TaskStatus.SUCCESS);
      }
      assertThat(crashes).hasSizeGreaterThanOrEqualTo(3);
      assertThat(runs).hasValue(12);
      assertThat(workers.health().alive()).isEqualTo(2);
      assertThat(workers.health().problem(clock.instant())).isEmpty();
    } finally {
      workers.stop(Duration.ofSeconds(5));
    }
  }

  private boolean allEnded(TaskId[] ids) {
    for (TaskId id : ids) {
      if (admin.find("org1", id.value()).status() != TaskStatus.SUCCESS) {
        return false;
      }
    }
    return true;
  }
}
