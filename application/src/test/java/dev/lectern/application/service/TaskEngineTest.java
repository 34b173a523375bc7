package dev.lectern.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.lectern.application.error.Conflict;
import dev.lectern.application.error.InvalidRequest;
import dev.lectern.application.error.TooManyRequests;
import dev.lectern.application.error.UpstreamFailure;
import dev.lectern.application.fakes.InMemoryTaskQueue;
import dev.lectern.application.fakes.MutableClock;
import dev.lectern.application.fakes.RecordingTaskEvents;
import dev.lectern.application.port.in.task.ListTasksCommand;
import dev.lectern.application.port.out.TaskEvents.Transition;
import dev.lectern.application.service.task.TaskAdminService;
import dev.lectern.application.service.task.TaskEngine;
import dev.lectern.application.service.task.TaskHandler;
import dev.lectern.application.service.task.TaskSubmitter;
import dev.lectern.domain.task.RetrySchedule;
import dev.lectern.domain.task.Task;
import dev.lectern.domain.task.TaskId;
import dev.lectern.domain.task.TaskKind;
import dev.lectern.domain.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskEngineTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
  private final InMemoryTaskQueue queue = new InMemoryTaskQueue();
  private final RecordingTaskEvents events = new RecordingTaskEvents();
  private final AtomicInteger nudges = new AtomicInteger();
  private final TaskSubmitter submitter =
      new TaskSubmitter(
          queue, events, clock, new TaskSubmitter.Limits(3, 3), nudges::incrementAndGet);
  private final TaskAdminService admin = new TaskAdminService(queue, clock);
  private TaskHandler handler = (task, context) -> Map.of("echo", task.payload().get("n"));

  private TaskEngine engine(String node) {
    return new TaskEngine(
        queue,
        Map.of(TaskKind.ARTIFACT_INGEST, (task, context) -> handler.run(task, context)),
        events,
        clock,
        new TaskEngine.Settings(
            node,
            1,
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            Duration.ofMillis(50),
            new RetrySchedule(3, Duration.ofSeconds(2), Duration.ofSeconds(60))));
  }

  private TaskId submit(String subject) {
    return submitter.submit(
        "org1", TaskKind.ARTIFACT_INGEST, subject, Map.of("n", 7), "busy " + subject, "artifact");
  }

  private Task task(TaskId id) {
    return admin.find("org1", id.value());
  }

  @Test
  void aTaskRunsToSuccessWithItsResult() {
    TaskId id = submit("a");
    assertThat(task(id).status()).isEqualTo(TaskStatus.PENDING);
    assertThat(nudges).hasValue(1);

    assertThat(engine("n1").runOne()).isTrue();

    Task done = task(id);
    assertThat(done.status()).isEqualTo(TaskStatus.SUCCESS);
    assertThat(done.result()).containsEntry("echo", 7);
    assertThat(done.progress()).isEqualTo(1.0);
    assertThat(done.messages()).anyMatch(m -> m.endsWith("Attempt 1 of 3 started."));
    assertThat(events.all())
        .extracting(Transition::from, Transition::to)
        .containsExactly(
            tuple(null, TaskStatus.PENDING),
            tuple(TaskStatus.PENDING, TaskStatus.RUNNING),
            tuple(TaskStatus.RUNNING, TaskStatus.SUCCESS));
    assertThat(engine("n1").runOne()).isFalse();
  }

  @Test
  void aPassingFailureIsRetriedWithAGrowingDelayThenFails() {
    handler =
        (task, context) -> {
          throw new UpstreamFailure("the server at example.org answered 503", "input.value");
        };
    TaskId id = submit("a");
    TaskEngine engine = engine("n1");

    assertThat(engine.runOne()).isTrue();
    assertThat(task(id).status()).isEqualTo(TaskStatus.PENDING);
    assertThat(task(id).attempts()).isEqualTo(1);
    clock.advance(Duration.ofMillis(1999));
    assertThat(engine.runOne()).as("not due before 2 s").isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(engine.runOne()).isTrue();
    clock.advance(Duration.ofSeconds(3));
    assertThat(engine.runOne()).as("second retry waits 4 s").isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(engine.runOne()).isTrue();

    Task failed = task(id);
    assertThat(failed.status()).isEqualTo(TaskStatus.FAILURE);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.error()).isEqualTo("the server at example.org answered 503");
    assertThat(failed.messages()).filteredOn(m -> m.contains("retrying in")).hasSize(2);
    assertThat(queue.subjectBusy("org1", "a")).isFalse();
  }

  @Test
  void aClientMistakeFailsAtOnce() {
    handler =
        (task, context) -> {
          throw new InvalidRequest("input.value: not a PDF", "input.value");
        };
    TaskId id = submit("a");

    engine("n1").runOne();

    assertThat(task(id).status()).isEqualTo(TaskStatus.FAILURE);
    assertThat(task(id).attempts()).isEqualTo(1);
    assertThat(task(id).error()).isEqualTo("input.value: not a PDF");
  }

  @Test
  void aSecondTaskForABusySubjectIsAConflict() {
    submit("a");
    assertThatThrownBy(() -> submit("a"))
        .isInstanceOf(Conflict.class)
        .hasMessage("busy a")
        .satisfies(e -> assertThat(((Conflict) e).field()).contains("artifact"));
    submit("b");
  }

  @Test
  void aFullQueueRefusesWithTooManyRequestsAndKeepsWhatItAccepted() {
    List<TaskId> accepted = new ArrayList<>();
    for (String subject : List.of("a", "b", "c")) {
      accepted.add(submit(subject));
    }
    assertThatThrownBy(() -> submit("d"))
        .isInstanceOf(TooManyRequests.class)
        .hasMessageContaining("3 tasks pending");

    TaskEngine engine = engine("n1");
    while (engine.runOne()) {
      // drain
    }
    assertThat(accepted)
        .allSatisfy(id -> assertThat(task(id).status()).isEqualTo(TaskStatus.SUCCESS));
  }

  @Test
  void cancellingARunningTaskStopsItAtTheNextSafePoint() {
    List<String> reached = new ArrayList<>();
    handler =
        (task, context) -> {
          context.progress(0.3, "first stage done");
          reached.add("first");
          admin.cancel("org1", task.id().value());
          context.progress(0.6, "second stage done");
          context.stopPoint(true);
          reached.add("second");
          return Map.of();
        };
    TaskId id = submit("a");

    engine("n1").runOne();

    assertThat(reached).containsExactly("first");
    Task cancelled = task(id);
    assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(cancelled.error()).isEqualTo("cancelled on request");
    assertThat(cancelled.messages()).last().asString().endsWith("Task cancelled.");
    assertThat(queue.subjectBusy("org1", "a")).isFalse();
  }

  @Test
  void aShutdownReturnsTheTaskWithoutCountingTheAttempt() {
    TaskEngine engine = engine("n1");
    handler =
        (task, context) -> {
          engine.stopClaiming();
          context.stopPoint(true);
          return Map.of();
        };
    TaskId id = submit("a");

    engine.runOne();

    assertThat(task(id).status()).isEqualTo(TaskStatus.PENDING);
    assertThat(task(id).attempts()).isZero();
    assertThat(engine.runOne()).as("a stopping engine claims nothing").isFalse();
    handler = (task, context) -> Map.of("ok", true);
    engine("n1").runOne();
    assertThat(task(id).status()).isEqualTo(TaskStatus.SUCCESS);
  }

  @Test
  void tasksOfACrashedNodeAreRequeuedAtStartAndKeepTheirCheckpoint() {
    TaskId id = submit("a");
    // The node claims the task, records a checkpoint, and dies without finishing it.
    var claimed = queue.claim("n1", clock.instant(), clock.instant().plusSeconds(30)).orElseThrow();
    queue.report(claimed, 0.9, List.of("indexed"), Map.of("version", 41L), clock.instant());

    TaskEngine restarted = engine("n1");
    assertThat(restarted.recover()).isEqualTo(1);
    List<Object> seen = new ArrayList<>();
    handler =
        (task, context) -> {
          seen.add(task.attempts());
          seen.add(context.checkpoint().get("version"));
          return Map.of();
        };
    restarted.runOne();

    assertThat(seen).containsExactly(2, 41L);
    assertThat(task(id).status()).isEqualTo(TaskStatus.SUCCESS);
  }

  @Test
  void aCheckpointSurvivesARetry() {
    List<Object> checkpoints = new ArrayList<>();
    handler =
        (task, context) -> {
          checkpoints.add(context.checkpoint().get("version"));
          context.recordCheckpoint(Map.of("version", 5L));
          if (task.attempts() == 1) {
            throw new Conflict("busy for a moment");
          }
          return Map.of();
        };
    TaskId id = submit("a");
    TaskEngine engine = engine("n1");
    engine.runOne();
    clock.advance(Duration.ofSeconds(2));
    engine.runOne();

    assertThat(checkpoints).containsExactly(null, 5L);
    assertThat(task(id).status()).isEqualTo(TaskStatus.SUCCESS);
  }

  @Test
  void anExpiredLeaseIsRecoveredByTheHeartbeatOfAnotherNode() {
    TaskId id = submit("a");
    queue.claim("dead-node", clock.instant(), clock.instant().plusSeconds(30)).orElseThrow();
    TaskEngine other = engine("n2");

    other.heartbeat();
    assertThat(task(id).status()).isEqualTo(TaskStatus.RUNNING);
    clock.advance(Duration.ofSeconds(31));
    other.heartbeat();
    assertThat(task(id).status()).isEqualTo(TaskStatus.PENDING);
    assertThat(other.runOne()).isTrue();
    assertThat(task(id).status()).isEqualTo(TaskStatus.SUCCESS);
  }

  @Test
  void theHeartbeatDeliversACancellationToARunningTask() {
    TaskEngine engine = engine("n1");
    List<String> reached = new ArrayList<>();
    handler =
        (task, context) -> {
          admin.cancel("org1", task.id().value());
          engine.heartbeat();
          context.stopPoint(false);
          reached.add("went on");
          return Map.of();
        };
    TaskId id = submit("a");
    engine.runOne();

    assertThat(reached).isEmpty();
    assertThat(task(id).status()).isEqualTo(TaskStatus.CANCELLED);
  }

  @Test
  void listingCountsTasksPerStatus() {
    TaskId done = submit("a");
    engine("n1").runOne();
    submit("b");

    var listing = admin.list(new ListTasksCommand("org1", null, null, 10));
    assertThat(listing.counts())
        .containsEntry(TaskStatus.PENDING, 1L)
        .containsEntry(TaskStatus.SUCCESS, 1L)
        .containsEntry(TaskStatus.FAILURE, 0L);
    var successes = admin.list(new ListTasksCommand("org1", TaskStatus.SUCCESS, null, 10));
    assertThat(successes.tasks()).extracting(Task::id).containsExactly(done);
    assertThat(admin.list(new ListTasksCommand("org2", null, null, 10)).tasks()).isEmpty();
  }

  @Test
  void unknownAndForeignTaskIdsAreNotFound() {
    TaskId id = submit("a");
    assertThatThrownBy(() -> admin.find("org2", id.value()))
        .hasMessage("task '" + id + "' not found");
    assertThatThrownBy(() -> admin.find("org1", "not-a-uuid"))
        .hasMessage("task 'not-a-uuid' not found");
    assertThatThrownBy(() -> admin.cancel("org1", TaskId.random().value()))
        .hasMessageContaining("not found");
  }

  @Test
  void aLongErrorTextIsCutToItsHeadAndTailAndNotRetried() {
    String reason = "BEGIN " + "x".repeat(6000) + " END";
    handler =
        (task, context) -> {
          throw new dev.lectern.application.error.UnsupportedContent(reason, "input.value");
        };
    TaskId id = submit("a");
    engine("n1").runOne();

    Task failed = task(id);
    assertThat(failed.status()).isEqualTo(TaskStatus.FAILURE);
    assertThat(failed.attempts()).as("a damaged document is not retried").isEqualTo(1);
    assertThat(failed.error())
        .hasSizeLessThanOrEqualTo(Task.MAX_ERROR_LENGTH)
        .startsWith("BEGIN ")
        .endsWith(" END")
        .contains("characters cut");
    assertThat(failed.messages()).allSatisfy(m -> assertThat(m).hasSizeLessThan(1100));
  }

  @Test
  void aResultTheStoreRefusesFailsTheTaskAtOnceInsteadOfLookingLikeACrash() {
    dev.lectern.application.port.out.TaskQueue refusing =
        (dev.lectern.application.port.out.TaskQueue)
            java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {dev.lectern.application.port.out.TaskQueue.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("finish") && args[1] == TaskStatus.SUCCESS) {
                    throw new dev.lectern.application.error.Internal(
                        "value too long for column RESULT", null);
                  }
                  try {
                    return method.invoke(queue, args);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    List<String> logged = new ArrayList<>();
    TaskEngine engine =
        new TaskEngine(
            refusing,
            Map.of(TaskKind.ARTIFACT_INGEST, handler),
            events,
            clock,
            TestTaskSettings.oneWorker(),
            (what, error) -> logged.add(what + ": " + error.getMessage()));
    TaskId id = submit("a");
    engine.runOne();

    Task failed = task(id);
    assertThat(failed.status()).isEqualTo(TaskStatus.FAILURE);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.error())
        .startsWith("its result could not be recorded")
        .contains("error id")
        .doesNotContain("column");
    assertThat(logged).anySatisfy(line -> assertThat(line).contains("value too long"));
  }

  @Test
  void anErrorThrownByAHandlerEndsItsAttemptAndTheWorkerGoesOn() {
    AtomicInteger runs = new AtomicInteger();
    handler =
        (task, context) -> {
          if (runs.incrementAndGet() == 1) {
            throw new OutOfMemoryError("simulated: the heap ran out");
          }
          return Map.of("ok", true);
        };
    TaskId first = submit("a");
    TaskId second = submit("b");
    TaskEngine engine = engine("n1");

    engine.runOne();
    assertThat(task(first).status()).isEqualTo(TaskStatus.PENDING);
    assertThat(task(first).error()).isNull();
    assertThat(engine.runOne()).isTrue();
    assertThat(task(second).status()).isEqualTo(TaskStatus.SUCCESS);
    assertThat(task(first).messages())
        .anySatisfy(m -> assertThat(m).contains("unexpected failure (error id"));
  }
}
