package dev.lectern.application.service.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Service: the threads that drive a {@link TaskEngine} — a fixed pool of workers that claim and run
 * tasks, waking when a task is submitted or at the idle poll, and one heartbeat thread.
 */
public final class TaskWorkers {
  private final TaskEngine engine;
  private final Consumer<Throwable> crashes;
  private final Object wake = new Object();
  private final List<Thread> threads = new ArrayList<>();
  private final ScheduledExecutorService heartbeat;
  private boolean nudged;

  /**
   * @param crashes told about a failure of the engine itself (the store is down); the worker goes
   *     on after the idle poll
   */
  public TaskWorkers(TaskEngine engine, Consumer<Throwable> crashes) {
    this.engine = engine;
    this.crashes = crashes;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            runnable ->
                Thread.ofPlatform().name("lectern-task-heartbeat").daemon().unstarted(runnable));
  }

  /** Starts the workers and the heartbeat. */
  public TaskWorkers start() {
    TaskEngine.Settings settings = engine.settings();
    for (int i = 1; i <= settings.workers(); i++) {
      Thread thread = Thread.ofPlatform().name("lectern-task-" + i).unstarted(this::work);
      threads.add(thread);
      thread.start();
    }
    long period = settings.heartbeat().toMillis();
    heartbeat.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
    return this;
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
    engine.stopClaiming();
    nudge();
    long deadline = System.nanoTime() + grace.toNanos();
    boolean all = true;
    for (Thread thread : threads) {
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

  private void work() {
    while (!engine.stopping()) {
      try {
        if (!engine.runOne()) {
          idle();
        }
      } catch (RuntimeException e) {
        crashes.accept(e);
        idle();
      }
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
    } catch (RuntimeException e) {
      crashes.accept(e);
    }
  }
}
