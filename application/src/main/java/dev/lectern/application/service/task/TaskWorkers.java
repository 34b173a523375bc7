package dev.lectern.application.service.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Service: the threads that drive a {@link TaskEngine} — a fixed pool of workers that claim and run
 * tasks, waking when a task is submitted or at the idle poll, and one heartbeat thread. A worker
 * survives whatever its task throws; a worker thread that dies all the same is replaced.
 */
public final class TaskWorkers {
  /** How long the engine may keep failing before it counts as unhealthy. */
  static final Duration FAILING_FOR = Duration.ofSeconds(30);

  /**
   * What the workers are doing.
   *
   * @param failingSince when the engine's own calls (claiming, heartbeat) started failing without a
   *     success since; null while they succeed
   */
  public record Health(int configured, int alive, Instant failingSince) {
    /** Why the workers are unhealthy at {@code now}, if they are. */
    public Optional<String> problem(Instant now) {
      if (alive < configured) {
        return Optional.of(alive + " of " + configured + " task workers are running");
      }
      if (failingSince != null && failingSince.plus(FAILING_FOR).isBefore(now)) {
        return Optional.of("the task queue cannot be read");
      }
      return Optional.empty();
    }
  }

  private final TaskEngine engine;
  private final Consumer<Throwable> crashes;
  private final Clock clock;
  private final Object wake = new Object();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicInteger alive = new AtomicInteger();
  private final AtomicInteger names = new AtomicInteger();
  private final ScheduledExecutorService heartbeat;
  private volatile Instant failingSince;
  private volatile boolean running;
  private boolean nudged;

  /**
   * @param crashes told about a failure of the engine itself (the store is down) or of a worker
   *     thread; the worker goes on after the idle poll
   */
  public TaskWorkers(TaskEngine engine, Consumer<Throwable> crashes) {
    this(engine, crashes, Clock.systemUTC());
  }

  public TaskWorkers(TaskEngine engine, Consumer<Throwable> crashes, Clock clock) {
    this.engine = engine;
    this.crashes = crashes;
    this.clock = clock;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            runnable ->
                Thread.ofPlatform().name("lectern-task-heartbeat").daemon().unstarted(runnable));
  }

  /** Starts the workers and the heartbeat. */
  public TaskWorkers start() {
    TaskEngine.Settings settings = engine.settings();
    for (int i = 1; i <= settings.workers(); i++) {
      startWorker();
    }
    running = true;
    long period = settings.heartbeat().toMillis();
    heartbeat.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Before {@link #start} (and after {@link #stop}) no worker is expected to run. */
  public Health health() {
    int expected = running ? engine.settings().workers() : 0;
    return new Health(expected, running ? alive.get() : 0, failingSince);
  }

  /** Wakes an idle worker: a task was just submitted. */
  public void nudge() {
    synchronized (wake) {
      nudged = true;
      wake.notifyAll();
    }
  }

  /**
   * Stops claiming, lets running tasks reach a safe point, and waits for them up to {@code grace}.
   * Answers whether every worker finished in time.
   */
  public boolean stop(Duration grace) {
    running = false;
    engine.stopClaiming();
    nudge();
    long deadline = System.nanoTime() + grace.toNanos();
    boolean all = true;
    for (Thread thread : snapshot()) {
      long left = deadline - System.nanoTime();
      try {
        if (left <= 0 || !thread.join(Duration.ofNanos(left))) {
          all = false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        all = false;
        break;
      }
    }
    heartbeat.shutdownNow();
    return all;
  }

  private void startWorker() {
    Thread thread =
        Thread.ofPlatform()
            .name("lectern-task-" + names.incrementAndGet())
            .uncaughtExceptionHandler((dead, error) -> replace(error))
            .unstarted(this::work);
    synchronized (threads) {
      threads.removeIf(t -> !t.isAlive() && t.getState() != Thread.State.NEW);
      threads.add(thread);
    }
    alive.incrementAndGet();
    thread.start();
  }

  /** A worker thread died of something its loop could not catch: start another. */
  private void replace(Throwable error) {
    alive.decrementAndGet();
    report(error);
    if (!engine.stopping()) {
      startWorker();
    }
  }

  private List<Thread> snapshot() {
    synchronized (threads) {
      return List.copyOf(threads);
    }
  }

  private void work() {
    boolean stoppedNormally = false;
    try {
      while (!engine.stopping()) {
        try {
          boolean ran = engine.runOne();
          failingSince = null;
          if (!ran) {
            idle();
          }
        } catch (RuntimeException | Error e) {
          // The engine ends every task itself; what reaches here is the queue failing (or the
          // heap running out for a moment). Wait, then claim again.
          if (failingSince == null) {
            failingSince = clock.instant();
          }
          report(e);
          idle();
        }
      }
      stoppedNormally = true;
    } finally {
      if (stoppedNormally) {
        alive.decrementAndGet();
      }
    }
  }

  private void report(Throwable error) {
    try {
      crashes.accept(error);
    } catch (RuntimeException | Error ignored) {
      // Reporting must never take a worker down.
    }
  }

  private void idle() {
    synchronized (wake) {
      if (!nudged && !engine.stopping()) {
        try {
          wake.wait(engine.settings().idlePoll().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      nudged = false;
    }
  }

  private void beat() {
    try {
      engine.heartbeat();
      failingSince = null;
    } catch (RuntimeException | Error e) {
      if (failingSince == null) {
        failingSince = clock.instant();
      }
      report(e);
    }
  }
}
