package dev.lectern.bootstrap;

import dev.lectern.application.port.out.TaskEvents;
import dev.lectern.application.service.task.TaskAdminService;
import dev.lectern.application.service.task.TaskEngine;
import dev.lectern.application.service.task.TaskHandler;
import dev.lectern.application.service.task.TaskSubmitter;
import dev.lectern.application.service.task.TaskWorkers;
import dev.lectern.domain.task.RetrySchedule;
import dev.lectern.domain.task.TaskKind;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring of the task area: the durable queue's engine, its workers, and the services that submit
 * and administer tasks.
 */
record TaskWiring(
    TaskEngine engine, TaskWorkers workers, TaskSubmitter submitter, TaskAdminService admin) {
  private static final Logger LOG = LoggerFactory.getLogger(TaskWiring.class);

  private static final Duration TASK_LEASE = Duration.ofSeconds(30);
  private static final Duration TASK_HEARTBEAT = Duration.ofSeconds(5);
  private static final Duration TASK_IDLE_POLL = Duration.ofSeconds(1);

  static TaskWiring create(
      LecternConfig.Tasks config,
      MetadataStores stores,
      Map<TaskKind, TaskHandler> handlers,
      Clock clock) {
    TaskEvents events = new LoggingTaskEvents();
    TaskEngine engine =
        new TaskEngine(
            stores.tasks(),
            handlers,
            events,
            clock,
            new TaskEngine.Settings(
                config.node(),
                config.workers(),
                TASK_LEASE,
                TASK_HEARTBEAT,
                TASK_IDLE_POLL,
                new RetrySchedule(
                    config.maxAttempts(),
                    RetrySchedule.DEFAULT.firstDelay(),
                    RetrySchedule.DEFAULT.maxDelay())),
            (what, error) -> LOG.error("{}: {}", what, error.getMessage(), error));
    TaskWorkers workers =
        new TaskWorkers(engine, e -> LOG.error("the task engine failed; retrying", e));
    TaskSubmitter submitter =
        new TaskSubmitter(
            stores.tasks(),
            events,
            clock,
            new TaskSubmitter.Limits(config.maxPending(), config.maxAttempts()),
            workers::nudge);
    return new TaskWiring(engine, workers, submitter, new TaskAdminService(stores.tasks(), clock));
  }
}
