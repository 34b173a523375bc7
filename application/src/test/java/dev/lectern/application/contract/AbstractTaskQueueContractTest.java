package dev.lectern.application.contract;

import static dev.lectern.application.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.application.port.out.TaskQueue;
import dev.lectern.application.port.out.TaskQueue.Claimed;
import dev.lectern.application.port.out.TaskQueue.Signal;
import dev.lectern.application.port.out.TaskQueue.Submission;
import dev.lectern.domain.task.Task;
import dev.lectern.domain.task.TaskId;
import dev.lectern.domain.task.TaskKind;
import dev.lectern.domain.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract: what every {@link TaskQueue} must do. */
public abstract class AbstractTaskQueueContractTest {
  private static final Instant LEASE = T0.plusSeconds(60);
  protected TaskQueue queue;

  /** A fresh, empty queue; orgs {@code org1} and {@code org2} exist. */
  protected abstract TaskQueue createQueue();

  @BeforeEach
  void setUp() {
    queue = createQueue();
  }

  static Task task(String org, String subject, Instant createdAt) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("collection", "c1");
    payload.put("n", 42);
    payload.put("nested", Map.of("list", List.of("a", true)));
    return Task.submitted(
        TaskId.random(), org, TaskKind.ARTIFACT_INGEST, subject, payload, 3, createdAt);
  }

  @Test
  void claimTakesTheOldestDueTaskAndCountsTheAttempt() {
    Task second = task("org1", "s2", T0.plusSeconds(1));
    Task first = task("org1", "s1", T0);
    queue.submit(second, 100);
    queue.submit(first, 100);

    Claimed claimed = queue.claim("node", T0.plusSeconds(2), LEASE).orElseThrow();

    assertThat(claimed.task().id()).isEqualTo(first.id());
    assertThat(claimed.task().status()).isEqualTo(TaskStatus.RUNNING);
    assertThat(claimed.task().attempts()).isEqualTo(1);
    assertThat(claimed.task().payload()).isEqualTo(first.payload());
    assertThat(claimed.task().startedAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(queue.claim("node", T0.plusSeconds(2), LEASE).orElseThrow().task().id())
        .isEqualTo(second.id());
    assertThat(queue.claim("node", T0.plusSeconds(2), LEASE)).isEmpty();
  }

  @Test
  void aTaskIsNotClaimedBeforeItIsDue() {
    Task task = task("org1", "s1", T0);
    queue.submit(task, 100);
    Claimed claimed = queue.claim("node", T0, LEASE).orElseThrow();
    queue.release(claimed, T0.plusSeconds(10), true, List.of("retry"), T0);

    assertThat(queue.claim("node", T0.plusSeconds(9), LEASE)).isEmpty();
    Claimed again = queue.claim("node", T0.plusSeconds(10), LEASE).orElseThrow();
    assertThat(again.task().attempts()).isEqualTo(2);
    assertThat(again.task().messages()).containsExactly("retry");
  }

  @Test
  void aSubjectHasAtMostOneUnfinishedTask() {
    Task first = task("org1", "artifact-a", T0);
    assertThat(queue.submit(first, 100)).isEqualTo(Submission.ACCEPTED);
    assertThat(queue.subjectBusy("org1", "artifact-a")).isTrue();
    assertThat(queue.subjectBusy("org2", "artifact-a")).isFalse();
    assertThat(queue.submit(task("org1", "artifact-a", T0), 100))
        .isEqualTo(Submission.SUBJECT_BUSY);
    assertThat(queue.submit(task("org2", "artifact-a", T0.plusSeconds(1)), 100))
        .isEqualTo(Submission.ACCEPTED);

    Claimed claimed = queue.claim("node", T0, LEASE).orElseThrow();
    assertThat(queue.subjectBusy("org1", "artifact-a")).isTrue();
    queue.finish(claimed, TaskStatus.SUCCESS, Map.of("ok", true), null, List.of(), T0);

    assertThat(queue.subjectBusy("org1", "artifact-a")).isFalse();
    assertThat(queue.submit(task("org1", "artifact-a", T0), 100)).isEqualTo(Submission.ACCEPTED);
  }

  @Test
  void tasksWithoutSubjectNeverConflict() {
    assertThat(queue.submit(task("org1", null, T0), 100)).isEqualTo(Submission.ACCEPTED);
    assertThat(queue.submit(task("org1", null, T0), 100)).isEqualTo(Submission.ACCEPTED);
  }

  @Test
  void theQueueRefusesMoreThanItsPendingLimit() {
    assertThat(queue.submit(task("org1", "a", T0), 2)).isEqualTo(Submission.ACCEPTED);
    assertThat(queue.submit(task("org1", "b", T0), 2)).isEqualTo(Submission.ACCEPTED);
    assertThat(queue.submit(task("org1", "c", T0), 2)).isEqualTo(Submission.QUEUE_FULL);
    assertThat(queue.subjectBusy("org1", "c")).isFalse();

    queue.claim("node", T0, LEASE).orElseThrow();

    assertThat(queue.submit(task("org1", "c", T0), 2)).isEqualTo(Submission.ACCEPTED);
  }

  @Test
  void successStoresResultMessagesAndProgress() {
    Task task = task("org1", "s", T0);
    queue.submit(task, 100);
    Claimed claimed = queue.claim("node", T0, LEASE).orElseThrow();
    assertThat(queue.report(claimed, 0.5, List.of("half"), Map.of("version", 7L), T0))
        .isEqualTo(Signal.CONTINUE);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("documents", List.of(Map.of("artifact", "a", "rank", 3)));
    assertThat(
            queue.finish(
                claimed,
                TaskStatus.SUCCESS,
                result,
                null,
                List.of("half", "done"),
                T0.plusSeconds(5)))
        .isTrue();

    Task stored = queue.find("org1", task.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(TaskStatus.SUCCESS);
    assertThat(stored.result()).isEqualTo(result);
    assertThat(stored.messages()).containsExactly("half", "done");
    assertThat(stored.progress()).isEqualTo(1.0);
    assertThat(((Number) stored.checkpoint().get("version")).longValue()).isEqualTo(7L);
    assertThat(stored.finishedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(stored.error()).isNull();
  }

  @Test
  void aStaleClaimCannotWrite() {
    Task task = task("org1", "s", T0);
    queue.submit(task, 100);
    Claimed stale = queue.claim("node-a", T0, T0.plusSeconds(1)).orElseThrow();
    assertThat(queue.recover(null, T0.plusSeconds(2))).isEqualTo(1);
    Claimed fresh = queue.claim("node-b", T0.plusSeconds(2), LEASE).orElseThrow();

    assertThat(queue.report(stale, 0.9, List.of("stale"), Map.of(), T0)).isEqualTo(Signal.LOST);
    assertThat(queue.finish(stale, TaskStatus.SUCCESS, Map.of(), null, List.of(), T0)).isFalse();
    assertThat(queue.release(stale, T0, true, List.of(), T0)).isFalse();
    assertThat(queue.renew(List.of(stale), LEASE)).containsEntry(task.id(), Signal.LOST);
    assertThat(queue.renew(List.of(fresh), LEASE)).containsEntry(task.id(), Signal.CONTINUE);
    assertThat(queue.find("org1", task.id()).orElseThrow().status()).isEqualTo(TaskStatus.RUNNING);
    assertThat(fresh.task().attempts()).isEqualTo(2);
  }

  @Test
  void releaseForShutdownGivesTheAttemptBack() {
    Task task = task("org1", "s", T0);
    queue.submit(task, 100);
    Claimed claimed = queue.claim("node", T0, LEASE).orElseThrow();
    assertThat(queue.release(claimed, T0, false, List.of("stopping"), T0)).isTrue();

    Task stored = queue.find("org1", task.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(stored.attempts()).isZero();
    assertThat(queue.subjectBusy("org1", "s")).isTrue();
  }

  @Test
  void recoverRequeuesTasksOfADeadWorkerAndOfExpiredLeases() {
    queue.submit(task("org1", "a", T0), 100);
    queue.submit(task("org1", "b", T0.plusSeconds(1)), 100);
    queue.submit(task("org1", "c", T0.plusSeconds(2)), 100);
    Claimed mine = queue.claim("me", T0.plusSeconds(3), T0.plusSeconds(100)).orElseThrow();
    Claimed expired = queue.claim("other", T0.plusSeconds(3), T0.plusSeconds(5)).orElseThrow();
    Claimed alive = queue.claim("other", T0.plusSeconds(3), T0.plusSeconds(100)).orElseThrow();

    assertThat(queue.recover("me", T0.plusSeconds(10))).isEqualTo(2);

    assertThat(status(mine)).isEqualTo(TaskStatus.PENDING);
    assertThat(status(expired)).isEqualTo(TaskStatus.PENDING);
    assertThat(status(alive)).isEqualTo(TaskStatus.RUNNING);
    assertThat(queue.find("org1", mine.task().id()).orElseThrow().attempts()).isEqualTo(1);
  }

  @Test
  void aTaskWhoseWorkersKeepDyingFailsAfterItsAttempts() {
    Task task = task("org1", "s", T0);
    queue.submit(task, 100);
    for (int i = 0; i < 3; i++) {
      queue.claim("me", T0, LEASE).orElseThrow();
      queue.recover("me", T0);
    }

    Task stored = queue.find("org1", task.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(TaskStatus.FAILURE);
    assertThat(stored.error()).isEqualTo(TaskQueue.interruptedError(3));
    assertThat(queue.subjectBusy("org1", "s")).isFalse();
  }

  @Test
  void cancellingAPendingTaskEndsItAtOnce() {
    Task task = task("org1", "s", T0);
    queue.submit(task, 100);

    Task cancelled = queue.cancel("org1", task.id(), T0.plusSeconds(1)).orElseThrow();

    assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(cancelled.finishedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(queue.subjectBusy("org1", "s")).isFalse();
    assertThat(queue.claim("node", T0.plusSeconds(2), LEASE)).isEmpty();
    assertThat(queue.cancel("org2", task.id(), T0)).isEmpty();
  }

  @Test
  void cancellingARunningTaskSignalsItsWorker() {
    Task task = task("org1", "s", T0);
    queue.submit(task, 100);
    Claimed claimed = queue.claim("node", T0, LEASE).orElseThrow();

    Task flagged = queue.cancel("org1", task.id(), T0).orElseThrow();

    assertThat(flagged.status()).isEqualTo(TaskStatus.RUNNING);
    assertThat(flagged.cancelRequested()).isTrue();
    assertThat(queue.report(claimed, 0.1, List.of(), Map.of(), T0)).isEqualTo(Signal.CANCEL);
    assertThat(queue.renew(List.of(claimed), LEASE)).containsEntry(task.id(), Signal.CANCEL);
    assertThat(queue.finish(claimed, TaskStatus.CANCELLED, null, "cancelled", List.of(), T0))
        .isTrue();
    Task stored = queue.find("org1", task.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(stored.error()).isEqualTo("cancelled");
    assertThat(queue.cancel("org1", task.id(), T0).orElseThrow().status())
        .isEqualTo(TaskStatus.CANCELLED);
  }

  @Test
  void listFiltersByOrgStatusAndKindAndCountsPerStatus() {
    Task a = task("org1", "a", T0);
    Task b = task("org1", "b", T0.plusSeconds(1));
    Task other = task("org2", "a", T0.plusSeconds(2));
    queue.submit(a, 100);
    queue.submit(b, 100);
    queue.submit(other, 100);
    Claimed claimed = queue.claim("node", T0.plusSeconds(5), LEASE).orElseThrow();
    queue.finish(claimed, TaskStatus.FAILURE, null, "broken", List.of(), T0.plusSeconds(5));

    TaskQueue.Listing org1 = queue.list(new TaskQueue.Query("org1", null, null, 10));
    assertThat(org1.tasks()).extracting(Task::id).containsExactly(b.id(), a.id());
    assertThat(org1.counts())
        .containsEntry(TaskStatus.PENDING, 1L)
        .containsEntry(TaskStatus.FAILURE, 1L);

    TaskQueue.Listing failed =
        queue.list(new TaskQueue.Query("org1", TaskStatus.FAILURE, TaskKind.ARTIFACT_INGEST, 10));
    assertThat(failed.tasks()).extracting(Task::id).containsExactly(a.id());
    assertThat(failed.tasks().get(0).error()).isEqualTo("broken");
    assertThat(queue.list(new TaskQueue.Query("org1", null, TaskKind.ARTIFACT_DELETE, 10)).tasks())
        .isEmpty();
    assertThat(queue.list(new TaskQueue.Query(null, null, null, 10)).tasks()).hasSize(3);
    assertThat(queue.list(new TaskQueue.Query(null, null, null, 1)).tasks())
        .extracting(Task::id)
        .containsExactly(other.id());
    assertThat(queue.find("org2", a.id())).isEmpty();
  }

  @Test
  void unfinishedListsPendingAndRunningTasksOfAKind() {
    Task a = task("org1", "a", T0);
    Task b = task("org2", "b", T0.plusSeconds(1));
    Task c = task("org1", "c", T0.plusSeconds(2));
    queue.submit(a, 100);
    queue.submit(b, 100);
    queue.submit(c, 100);
    Claimed first = queue.claim("node", T0.plusSeconds(3), LEASE).orElseThrow();
    queue.finish(first, TaskStatus.SUCCESS, Map.of(), null, List.of(), T0);
    queue.claim("node", T0.plusSeconds(3), LEASE).orElseThrow();

    assertThat(queue.unfinished(TaskKind.ARTIFACT_INGEST))
        .extracting(Task::id)
        .containsExactly(b.id(), c.id());
    assertThat(queue.unfinished(TaskKind.ARTIFACT_DELETE)).isEmpty();
  }

  @Test
  void concurrentWorkersNeverClaimTheSameTask() throws Exception {
    int tasks = 60;
    for (int i = 0; i < tasks; i++) {
      queue.submit(task("org1", "s" + i, T0.plusMillis(i)), 1000);
    }
    Set<TaskId> claimed = ConcurrentHashMap.newKeySet();
    List<TaskId> all = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(6);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < 6; w++) {
      String worker = "w" + w;
      workers.add(
          pool.submit(
              () -> {
                start.await();
                while (true) {
                  var next =
                      queue.claim(
                          worker, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)));
                  if (next.isEmpty()) {
                    return null;
                  }
                  claimed.add(next.get().task().id());
                  all.add(next.get().task().id());
                }
              }));
    }
    start.countDown();
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();

    assertThat(all).hasSize(tasks);
    assertThat(claimed).hasSize(tasks);
  }

  private TaskStatus status(Claimed claimed) {
    return queue.find(claimed.task().orgId(), claimed.task().id()).orElseThrow().status();
  }
}
