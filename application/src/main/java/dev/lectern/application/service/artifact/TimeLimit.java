package dev.lectern.application.service.artifact;

import dev.lectern.application.error.Unavailable;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Policy: runs a piece of work on its own virtual thread and gives up on it after a time limit,
 * interrupting it. Only work that checks its thread's interrupt flag (the chunker does) then stops;
 * other work finishes in the background, its result unused.
 */
final class TimeLimit {
  private TimeLimit() {}

  static <T> T call(Duration limit, Supplier<T> work, Supplier<RuntimeException> overrun) {
    FutureTask<T> task = new FutureTask<>(work::get);
    Thread thread = Thread.ofVirtual().name("lectern-limited-work").start(task);
    try {
      return task.get(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      thread.interrupt();
      throw overrun.get();
    } catch (InterruptedException e) {
      // The caller is being stopped, not the work too slow: a passing trouble, not a verdict.
      thread.interrupt();
      Thread.currentThread().interrupt();
      throw new Unavailable("the work was interrupted before it finished");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("limited work failed", e.getCause());
    }
  }
}
